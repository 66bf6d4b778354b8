import DataLoader from 'dataloader';
import type { Clause } from '../../auth/scope/access-scope';
import { queryPrepared } from '../../db/prepared';
import type { Queryable } from '../../graphql/relay/keyset';
import { COURSE_COLUMNS, type CourseRow } from '../course/course.mapper';
import { prefixedColumns, takePrefixed } from '../../db/prefixed-columns';
import { CLASS_COLUMNS, type ClassRow } from './class.mapper';

export const COURSE_PREFIX = '__co_';
export const PREFIXED_COURSE_COLUMNS = prefixedColumns(COURSE_COLUMNS, 'co', COURSE_PREFIX);

/**
 * Classes by id (deleted ones too, like every by-id loader), each read with its course in the
 * same statement: a class is mostly shown with its course (a learner page's
 * `enrollments { class { course } }`), so the course loader is primed from these rows and the
 * courses cost no statement of their own. The course is joined under the course scope, so what
 * the scope hides is primed as null, exactly what the course loader would have answered.
 *
 * @param classScope a scoped key's visibility of `c`, parameters from `$2`.
 * @param courseScope its visibility of `co`, parameters numbered after the class scope's.
 */
export function classWithCourseLoader(
  db: Queryable,
  classScope: Clause,
  courseScope: Clause,
  courses: DataLoader<string, CourseRow | null>,
): DataLoader<string, ClassRow | null> {
  const text = `select ${CLASS_COLUMNS}, ${PREFIXED_COURSE_COLUMNS}
    from class c left join course co on co.id = c.course_id${courseScope.text}
    where c.id = any($1::bigint[])${classScope.text}`;
  return new DataLoader(async (ids) => {
    const rows = (await queryPrepared(db, text, [ids, ...classScope.values, ...courseScope.values], 'generic')) as Record<string, unknown>[];
    const byId = new Map<string, ClassRow>();
    for (const row of rows) {
      const course = takePrefixed<CourseRow>(row, COURSE_PREFIX);
      const cls = row as unknown as ClassRow;
      byId.set(cls.id, cls);
      courses.prime(cls.course_id, course);
    }
    return ids.map((id) => byId.get(id) ?? null);
  });
}
