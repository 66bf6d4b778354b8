import { type AccessScope, visible } from '../../auth/scope/access-scope';
import { raw, sql } from '../../db/sql';
import type { ListQuery, OrderColumn, PageRequest, Queryable } from '../../graphql/relay/keyset';
import { type ListResult, listPage, orderOf } from '../shared/list';
import type { NestedList } from '../shared/nested-connection';
import { type RecordCriteria, recordConditions } from '../shared/record-filter';
import { orgSubtree, searchCondition } from '../shared/sql-conditions';
import { CourseOrder } from './course.inputs';
import { COURSE_COLUMNS, type CourseRow } from './course.mapper';

export interface CourseCriteria extends RecordCriteria {
  /** The org or any org below it. */
  readonly orgId?: string | null;
  readonly schoolYearId?: string | null;
  readonly grade?: string | null;
  readonly search?: string | null;
}

const ORDERS: Record<CourseOrder, OrderColumn[]> = {
  [CourseOrder.TITLE_ASC]: orderOf('co', 'asc', 'co.title'),
  [CourseOrder.COURSE_CODE_ASC]: orderOf('co', 'asc', "coalesce(co.course_code, '')"),
  [CourseOrder.ID_ASC]: orderOf('co', 'asc'),
};

/** Lists of courses, at the root and under an org or a school year. */
export class CourseService {
  constructor(
    private readonly db: Queryable,
    private readonly maxPageSize: number,
    /** A scoped key's org subtree: every list this service builds is narrowed to it. */
    private readonly scope: AccessScope | null = null,
  ) {}

  query(criteria: CourseCriteria, order: CourseOrder): ListQuery {
    const where = recordConditions('co', criteria);
    if (criteria.orgId != null) where.push(sql`co.org_id in ${orgSubtree(criteria.orgId)}`);
    if (criteria.schoolYearId != null) where.push(sql`co.school_year_id = ${criteria.schoolYearId}`);
    if (criteria.grade != null) where.push(sql`${criteria.grade} = any(co.grades)`);
    if (criteria.search) where.push(searchCondition(['co.title', 'co.course_code', 'co.sourced_id'], criteria.search));
    where.push(...visible(this.scope, 'course', 'co'));
    return { key: `courses:${order}`, select: raw(COURSE_COLUMNS), from: raw('course co'), where, order: ORDERS[order] };
  }

  /** The course catalogue of an org (exactly that org). */
  byOrg(criteria: CourseCriteria, order: CourseOrder): NestedList {
    return { field: 'Org.courses', query: this.query(criteria, order), parentExpr: 'co.org_id', shape: [criteria, order] };
  }

  list(criteria: CourseCriteria, order: CourseOrder, page: PageRequest): Promise<ListResult<CourseRow>> {
    return listPage(this.db, this.query(criteria, order), page, this.maxPageSize);
  }
}
