import { type AccessScope, visible } from '../../auth/scope/access-scope';
import { raw, sql, type Sql } from '../../db/sql';
import type { ListQuery, OrderColumn, PageRequest, Queryable } from '../../graphql/relay/keyset';
import { type ListResult, listPage, orderOf } from '../shared/list';
import type { NestedList } from '../shared/nested-connection';
import { type RecordCriteria, recordConditions } from '../shared/record-filter';
import { foldedForSearch, orgSubtree, searchCondition } from '../shared/sql-conditions';
import { ClassOrder } from './class.inputs';
import { CLASS_COLUMNS, type ClassRow } from './class.mapper';

export interface ClassCriteria extends RecordCriteria {
  /** The org or any org below it. */
  readonly orgId?: string | null;
  readonly schoolId?: string | null;
  readonly courseId?: string | null;
  readonly termId?: string | null;
  readonly classType?: string | null;
  readonly search?: string | null;
}

const ORDERS: Record<ClassOrder, OrderColumn[]> = {
  [ClassOrder.TITLE_ASC]: orderOf('c', 'asc', 'c.title'),
  [ClassOrder.CLASS_CODE_ASC]: orderOf('c', 'asc', "coalesce(c.class_code, '')"),
  [ClassOrder.ID_ASC]: orderOf('c', 'asc'),
};

/**
 * Lists of classes: at the root, under a school (`c.school_id`) or course (`c.course_id`),
 * under a term (through `class_term`) and under a user (through their enrollments).
 */
export class ClassService {
  constructor(
    private readonly db: Queryable,
    private readonly maxPageSize: number,
    /** A scoped key's org subtree: every list this service builds is narrowed to it. */
    private readonly scope: AccessScope | null = null,
  ) {}

  query(criteria: ClassCriteria, order: ClassOrder): ListQuery {
    return this.build(`classes:${order}`, raw('class c'), criteria, order);
  }

  /** Classes taught at a school. */
  bySchool(criteria: ClassCriteria, order: ClassOrder): NestedList {
    return { field: 'Org.classes', query: this.query(criteria, order), parentExpr: 'c.school_id', shape: [criteria, order] };
  }

  /** The sections of a course. */
  byCourse(criteria: ClassCriteria, order: ClassOrder): NestedList {
    return { field: 'Course.classes', query: this.query(criteria, order), parentExpr: 'c.course_id', shape: [criteria, order] };
  }

  /** Classes taught in a term. */
  byTerm(criteria: ClassCriteria, order: ClassOrder): NestedList {
    const from = raw('class c join class_term ct on ct.class_id = c.id and ct.deleted_at is null');
    const query = this.build(`term-classes:${order}`, from, criteria, order);
    return { field: 'AcademicSession.classes', query, parentExpr: 'ct.session_id', shape: [criteria, order] };
  }

  /**
   * Classes a user is enrolled in (in `role`, when given). Enrollments are made distinct first:
   * a user enrolled twice in a class (two date ranges) sees it once.
   */
  byUser(criteria: ClassCriteria, order: ClassOrder, role: string | null): NestedList {
    const roleCondition = role == null ? raw('true') : sql`e.role = ${role}`;
    const from = sql`class c join (
        select distinct e.class_id, e.user_id from enrollment e where e.deleted_at is null and ${roleCondition}
      ) m on m.class_id = c.id`;
    const query = this.build(`user-classes:${order}`, from, criteria, order);
    return { field: 'User.classes', query, parentExpr: 'm.user_id', shape: [criteria, order, role] };
  }

  list(criteria: ClassCriteria, order: ClassOrder, page: PageRequest): Promise<ListResult<ClassRow>> {
    return listPage(this.db, this.query(criteria, order), page, this.maxPageSize);
  }

  private build(key: string, from: Sql, criteria: ClassCriteria, order: ClassOrder): ListQuery {
    const where = recordConditions('c', criteria);
    if (criteria.orgId != null) where.push(sql`c.school_id in ${orgSubtree(criteria.orgId)}`);
    if (criteria.schoolId != null) where.push(sql`c.school_id = ${criteria.schoolId}`);
    if (criteria.courseId != null) where.push(sql`c.course_id = ${criteria.courseId}`);
    if (criteria.termId != null) {
      where.push(sql`exists (select 1 from class_term t where t.class_id = c.id and t.session_id = ${criteria.termId} and t.deleted_at is null)`);
    }
    if (criteria.classType != null) where.push(sql`c.class_type = ${criteria.classType}`);
    if (criteria.search) where.push(searchCondition(['c.title', 'c.class_code', foldedForSearch('c.sourced_id')], criteria.search));
    where.push(...visible(this.scope, 'class', 'c'));
    return { key, select: raw(CLASS_COLUMNS), from, where, order: ORDERS[order] };
  }
}
