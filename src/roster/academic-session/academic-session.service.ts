import { raw, sql } from '../../db/sql';
import type { ListQuery, OrderColumn, PageRequest, Queryable } from '../../graphql/relay/keyset';
import { type ListResult, listPage, orderOf } from '../shared/list';
import { type RecordCriteria, recordConditions } from '../shared/record-filter';
import { foldedForSearch, searchCondition } from '../shared/sql-conditions';
import { AcademicSessionOrder } from './academic-session.inputs';
import { ACADEMIC_SESSION_COLUMNS, type AcademicSessionRow } from './academic-session.mapper';

export interface AcademicSessionCriteria extends RecordCriteria {
  readonly type?: string | null;
  readonly schoolYear?: number | null;
  readonly parentId?: string | null;
  readonly activeOn?: string | null;
  readonly search?: string | null;
}

const ORDERS: Record<AcademicSessionOrder, OrderColumn[]> = {
  [AcademicSessionOrder.START_DATE_DESC]: orderOf('s', 'desc', 's.start_date'),
  [AcademicSessionOrder.START_DATE_ASC]: orderOf('s', 'asc', 's.start_date'),
  [AcademicSessionOrder.TITLE_ASC]: orderOf('s', 'asc', 's.title'),
  [AcademicSessionOrder.ID_ASC]: orderOf('s', 'asc'),
};

/** Lists of academic sessions. */
export class AcademicSessionService {
  constructor(
    private readonly db: Queryable,
    private readonly maxPageSize: number,
  ) {}

  query(criteria: AcademicSessionCriteria, order: AcademicSessionOrder): ListQuery {
    const where = recordConditions('s', criteria);
    if (criteria.type != null) where.push(sql`s.type = ${criteria.type}`);
    if (criteria.schoolYear != null) where.push(sql`s.school_year = ${criteria.schoolYear}`);
    if (criteria.parentId != null) where.push(sql`s.parent_id = ${criteria.parentId}`);
    if (criteria.activeOn != null) where.push(sql`s.start_date <= ${criteria.activeOn}::date and s.end_date >= ${criteria.activeOn}::date`);
    if (criteria.search) where.push(searchCondition(['s.title', foldedForSearch('s.sourced_id')], criteria.search));
    return {
      key: `academicSessions:${order}`,
      select: raw(ACADEMIC_SESSION_COLUMNS),
      from: raw('academic_session s'),
      where,
      order: ORDERS[order],
    };
  }

  list(criteria: AcademicSessionCriteria, order: AcademicSessionOrder, page: PageRequest): Promise<ListResult<AcademicSessionRow>> {
    return listPage(this.db, this.query(criteria, order), page, this.maxPageSize);
  }
}
