import { type AccessScope, visible } from '../../auth/scope/access-scope';
import { and, raw, sql } from '../../db/sql';
import type { ListQuery } from '../../graphql/relay/keyset';
import { COURSE_PREFIX, PREFIXED_COURSE_COLUMNS } from '../class/class-with-course.loader';
import { CLASS_COLUMNS, type ClassRow } from '../class/class.mapper';
import type { CourseRow } from '../course/course.mapper';
import type { RosterLoaders } from '../roster.loaders';
import { prefixedColumns, takePrefixed } from '../../db/prefixed-columns';
import type { EnrollmentRow } from './enrollment.mapper';

const CLASS_PREFIX = '__c_';
const PREFIXED_CLASS_COLUMNS = prefixedColumns(CLASS_COLUMNS, 'c', CLASS_PREFIX);

/**
 * A user's enrollments read with their class and its course: a user has few enrollments and a
 * learner page shows each with its class and course, so the page's one statement answers all
 * three and the class and course loaders are primed from it (`primeClassAndCourse`). Both are
 * joined under the scope, so what it hides is primed as null, as the loaders would answer.
 */
export function withClassAndCourse(query: ListQuery, scope: AccessScope | null): ListQuery {
  return {
    ...query,
    select: sql`${query.select}, ${raw(PREFIXED_CLASS_COLUMNS)}, ${raw(PREFIXED_COURSE_COLUMNS)}`,
    from: sql`${query.from}
      left join class c on c.id = e.class_id and ${and(visible(scope, 'class', 'c'))}
      left join course co on co.id = c.course_id and ${and(visible(scope, 'course', 'co'))}`,
  };
}

/** Takes a row of `withClassAndCourse` apart: primes its class and course, returns the enrollment. */
export function primeClassAndCourse(loaders: RosterLoaders, row: EnrollmentRow): EnrollmentRow {
  const columns = row as unknown as Record<string, unknown>;
  const cls = takePrefixed<ClassRow>(columns, CLASS_PREFIX);
  const course = takePrefixed<CourseRow>(columns, COURSE_PREFIX);
  loaders.rosterClass.prime(row.class_id, cls);
  if (cls) loaders.course.prime(cls.course_id, course);
  return row;
}
