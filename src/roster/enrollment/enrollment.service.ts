import { type AccessScope, visible } from '../../auth/scope/access-scope';
import { raw, sql } from '../../db/sql';
import type { ListQuery, OrderColumn, PageRequest, Queryable } from '../../graphql/relay/keyset';
import { type ListResult, listPage, orderOf } from '../shared/list';
import type { NestedList } from '../shared/nested-connection';
import { type RecordCriteria, recordConditions } from '../shared/record-filter';
import { activeOnCondition } from '../shared/sql-conditions';
import { EnrollmentOrder } from './enrollment.inputs';
import { ENROLLMENT_COLUMNS, type EnrollmentRow } from './enrollment.mapper';
import { withClassAndCourse } from './enrollment-with-class';

export interface EnrollmentCriteria extends RecordCriteria {
  readonly role?: string | null;
  readonly classId?: string | null;
  readonly userId?: string | null;
  readonly schoolId?: string | null;
  readonly primary?: boolean | null;
  readonly activeOn?: string | null;
}

const ORDERS: Record<EnrollmentOrder, OrderColumn[]> = {
  [EnrollmentOrder.FAMILY_NAME_ASC]: orderOf('e', 'asc', 'u.family_name', 'u.given_name'),
  [EnrollmentOrder.BEGIN_DATE_DESC]: orderOf('e', 'desc', "coalesce(e.begin_date, '-infinity'::date)"),
  [EnrollmentOrder.ID_ASC]: orderOf('e', 'asc'),
};

/** Lists of enrollments: at the root and under a class (`e.class_id`) or a user (`e.user_id`). */
export class EnrollmentService {
  constructor(
    private readonly db: Queryable,
    private readonly maxPageSize: number,
    /** A scoped key's org subtree: every list this service builds is narrowed to it. */
    private readonly scope: AccessScope | null = null,
  ) {}

  query(criteria: EnrollmentCriteria, order: EnrollmentOrder): ListQuery {
    const where = recordConditions('e', criteria);
    if (criteria.role != null) where.push(sql`e.role = ${criteria.role}`);
    if (criteria.classId != null) where.push(sql`e.class_id = ${criteria.classId}`);
    if (criteria.userId != null) where.push(sql`e.user_id = ${criteria.userId}`);
    if (criteria.schoolId != null) where.push(sql`e.school_id = ${criteria.schoolId}`);
    if (criteria.primary != null) where.push(sql`e.is_primary = ${criteria.primary}`);
    if (criteria.activeOn != null) where.push(activeOnCondition('e', criteria.activeOn));
    where.push(...visible(this.scope, 'enrollment', 'e'));
    // Ordering by name needs the user row; the other orders do without the join.
    const from = order === EnrollmentOrder.FAMILY_NAME_ASC ? raw('enrollment e join roster_user u on u.id = e.user_id') : raw('enrollment e');
    return { key: `enrollments:${order}`, select: raw(ENROLLMENT_COLUMNS), from, where, order: ORDERS[order] };
  }

  /** A class's enrollments; `field` tells apart lists with a fixed role (`Class.students`). */
  byClass(criteria: EnrollmentCriteria, order: EnrollmentOrder, field = 'Class.enrollments'): NestedList {
    return { field, query: this.query(criteria, order), parentExpr: 'e.class_id', shape: [criteria, order] };
  }

  /** A user's enrollments, each read with its class and course (see enrollment-with-class.ts). */
  byUser(criteria: EnrollmentCriteria, order: EnrollmentOrder): NestedList {
    // Lateral: each user's page along enrollment(user_id) with its class and course joined by
    // key, one cached plan for every learner page (the batch form re-planned on each request).
    const query = withClassAndCourse(this.query(criteria, order), this.scope);
    return { field: 'User.enrollments', query, parentExpr: 'e.user_id', shape: [criteria, order], strategy: 'lateral' };
  }

  list(criteria: EnrollmentCriteria, order: EnrollmentOrder, page: PageRequest): Promise<ListResult<EnrollmentRow>> {
    return listPage(this.db, this.query(criteria, order), page, this.maxPageSize);
  }
}
