import type { AccessScope } from '../auth/scope/access-scope';
import type { Queryable } from '../graphql/relay/keyset';
import { AcademicSessionService } from './academic-session/academic-session.service';
import { ClassService } from './class/class.service';
import { CourseService } from './course/course.service';
import { EnrollmentService } from './enrollment/enrollment.service';
import { OrgService } from './org/org.service';
import { UserService } from './user/user.service';

/** The roster's list services; roles, agents, identifiers and demographics only need loaders. */
export interface RosterServices {
  readonly orgs: OrgService;
  readonly academicSessions: AcademicSessionService;
  readonly courses: CourseService;
  readonly classes: ClassService;
  readonly users: UserService;
  readonly enrollments: EnrollmentService;
}

/** @param scope a scoped key's org subtree (per request); null builds the unscoped, process-wide services. */
export function createRosterServices(db: Queryable, maxPageSize: number, scope: AccessScope | null = null): RosterServices {
  return {
    orgs: new OrgService(db, maxPageSize, scope),
    // Sessions are the district's calendar, not anyone's data: unscoped (their classes are narrowed).
    academicSessions: new AcademicSessionService(db, maxPageSize),
    courses: new CourseService(db, maxPageSize, scope),
    classes: new ClassService(db, maxPageSize, scope),
    users: new UserService(db, maxPageSize, scope),
    enrollments: new EnrollmentService(db, maxPageSize, scope),
  };
}
