import { type AccessScope, visible } from '../../auth/scope/access-scope';
import { raw, sql } from '../../db/sql';
import type { ListQuery, OrderColumn, PageRequest, Queryable } from '../../graphql/relay/keyset';
import { type ListResult, listPage, orderOf } from '../shared/list';
import type { NestedList } from '../shared/nested-connection';
import { type RecordCriteria, recordConditions } from '../shared/record-filter';
import { foldedForSearch, searchCondition } from '../shared/sql-conditions';
import { OrgOrder } from './org.inputs';
import { ORG_COLUMNS, type OrgRow } from './org.mapper';

export interface OrgCriteria extends RecordCriteria {
  readonly type?: string | null;
  readonly parentId?: string | null;
  readonly search?: string | null;
}

const ORDERS: Record<OrgOrder, OrderColumn[]> = {
  [OrgOrder.NAME_ASC]: orderOf('o', 'asc', 'o.name'),
  [OrgOrder.NAME_DESC]: orderOf('o', 'desc', 'o.name'),
  [OrgOrder.SOURCED_ID_ASC]: orderOf('o', 'asc', 'o.sourced_id'),
  [OrgOrder.ID_ASC]: orderOf('o', 'asc'),
};

/** Lists of orgs, at the root and under a parent org (`o.parent_id`). */
export class OrgService {
  constructor(
    private readonly db: Queryable,
    private readonly maxPageSize: number,
    /** A scoped key's org subtree: every list this service builds is narrowed to it. */
    private readonly scope: AccessScope | null = null,
  ) {}

  query(criteria: OrgCriteria, order: OrgOrder): ListQuery {
    const where = recordConditions('o', criteria);
    if (criteria.type != null) where.push(sql`o.type = ${criteria.type}`);
    if (criteria.parentId != null) where.push(sql`o.parent_id = ${criteria.parentId}`);
    if (criteria.search) where.push(searchCondition(['o.name', 'o.identifier', foldedForSearch('o.sourced_id')], criteria.search));
    where.push(...visible(this.scope, 'org', 'o'));
    return { key: `orgs:${order}`, select: raw(ORG_COLUMNS), from: raw('org o'), where, order: ORDERS[order] };
  }

  /** The orgs directly below a parent org. */
  children(criteria: OrgCriteria, order: OrgOrder): NestedList {
    return { field: 'Org.children', query: this.query(criteria, order), parentExpr: 'o.parent_id', shape: [criteria, order] };
  }

  list(criteria: OrgCriteria, order: OrgOrder, page: PageRequest): Promise<ListResult<OrgRow>> {
    return listPage(this.db, this.query(criteria, order), page, this.maxPageSize);
  }
}
