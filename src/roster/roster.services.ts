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

export function createRosterServices(db: Queryable, maxPageSize: number): RosterServices {
  return {
    orgs: new OrgService(db, maxPageSize),
    academicSessions: new AcademicSessionService(db, maxPageSize),
    courses: new CourseService(db, maxPageSize),
    classes: new ClassService(db, maxPageSize),
    users: new UserService(db, maxPageSize),
    enrollments: new EnrollmentService(db, maxPageSize),
  };
}
