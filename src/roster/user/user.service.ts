import { type AccessScope, visible } from '../../auth/scope/access-scope';
import { and, raw, sql, type Sql } from '../../db/sql';
import type { ListQuery, OrderColumn, PageRequest, Queryable } from '../../graphql/relay/keyset';
import { type ListResult, listPage, orderOf } from '../shared/list';
import type { NestedList } from '../shared/nested-connection';
import { type RecordCriteria, recordConditions } from '../shared/record-filter';
import { orgSubtree, searchCondition } from '../shared/sql-conditions';
import { UserOrder } from './user.inputs';
import { USER_COLUMNS, type UserRow } from './user.mapper';

export interface UserCriteria extends RecordCriteria {
  readonly search?: string | null;
  readonly role?: string | null;
  /** A role at the org or any org below it. */
  readonly orgId?: string | null;
  readonly enabledUser?: boolean | null;
  readonly grade?: string | null;
}

const ORDERS: Record<UserOrder, OrderColumn[]> = {
  [UserOrder.FAMILY_NAME_ASC]: orderOf('u', 'asc', 'u.family_name', 'u.given_name'),
  [UserOrder.FAMILY_NAME_DESC]: orderOf('u', 'desc', 'u.family_name', 'u.given_name'),
  [UserOrder.GIVEN_NAME_ASC]: orderOf('u', 'asc', 'u.given_name', 'u.family_name'),
  [UserOrder.USERNAME_ASC]: orderOf('u', 'asc', 'u.username'),
  [UserOrder.SOURCED_ID_ASC]: orderOf('u', 'asc', 'u.sourced_id'),
  [UserOrder.DATE_LAST_MODIFIED_DESC]: orderOf('u', 'desc', "coalesce(u.date_last_modified, '-infinity'::timestamptz)"),
  [UserOrder.ID_ASC]: orderOf('u', 'asc'),
};

const SEARCHED = [
  'u.given_name',
  'u.family_name',
  'u.preferred_given_name',
  'u.preferred_family_name',
  "(u.given_name || ' ' || u.family_name)",
  'u.email',
  'u.username',
  'u.identifier',
];

/** Lists of users: at the root and under an org (through their roles there). */
export class UserService {
  constructor(
    private readonly db: Queryable,
    private readonly maxPageSize: number,
    /** A scoped key's org subtree: every list this service builds is narrowed to it. */
    private readonly scope: AccessScope | null = null,
  ) {}

  query(criteria: UserCriteria, order: UserOrder): ListQuery {
    const where = this.conditions(criteria);
    if (criteria.role != null || criteria.orgId != null) {
      const roleAt: Sql[] = [raw('r.user_id = u.id'), raw('r.deleted_at is null')];
      if (criteria.role != null) roleAt.push(sql`r.role = ${criteria.role}`);
      if (criteria.orgId != null) roleAt.push(sql`r.org_id in ${orgSubtree(criteria.orgId)}`);
      where.push(sql`exists (select 1 from role r where ${and(roleAt)})`);
    }
    where.push(...visible(this.scope, 'user', 'u'));
    return { key: `users:${order}`, select: raw(USER_COLUMNS), from: raw('roster_user u'), where, order: ORDERS[order] };
  }

  /**
   * Users with a role at an org (in `criteria.role`, when given) that the source has not
   * deleted. Roles are made distinct first: a teacher who is also an administrator at the
   * school is listed once.
   */
  byOrg(criteria: UserCriteria, order: UserOrder): NestedList {
    return { field: 'Org.users', query: this.orgUsersQuery(criteria, order), parentExpr: 'm.org_id', shape: [criteria, order] };
  }

  private orgUsersQuery(criteria: UserCriteria, order: UserOrder): ListQuery {
    const roleCondition = criteria.role == null ? raw('true') : sql`r.role = ${criteria.role}`;
    const from = sql`roster_user u join (
        select distinct r.user_id, r.org_id from role r where r.deleted_at is null and ${roleCondition}
      ) m on m.user_id = u.id`;
    const where = this.conditions(criteria);
    if (criteria.orgId != null) {
      where.push(sql`exists (select 1 from role r where r.user_id = u.id and r.deleted_at is null and r.org_id in ${orgSubtree(criteria.orgId)})`);
    }
    where.push(...visible(this.scope, 'user', 'u'));
    return { key: `org-users:${order}`, select: raw(USER_COLUMNS), from, where, order: ORDERS[order] };
  }

  list(criteria: UserCriteria, order: UserOrder, page: PageRequest): Promise<ListResult<UserRow>> {
    return listPage(this.db, this.query(criteria, order), page, this.maxPageSize);
  }

  /** The conditions on the user row itself. */
  private conditions(criteria: UserCriteria): Sql[] {
    const where = recordConditions('u', criteria);
    if (criteria.search) where.push(searchCondition(SEARCHED, criteria.search));
    if (criteria.enabledUser != null) where.push(sql`u.enabled_user = ${criteria.enabledUser}`);
    if (criteria.grade != null) where.push(sql`${criteria.grade} = any(u.grades)`);
    return where;
  }
}
