import { AcademicSessionResolver } from './academic-session/academic-session.resolver';
import { AgentResolver } from './agent/agent.resolver';
import { ClassResolver } from './class/class.resolver';
import { CourseResolver } from './course/course.resolver';
import { DemographicsResolver } from './demographics/demographics.resolver';
import { EnrollmentResolver } from './enrollment/enrollment.resolver';
import { OrgResolver } from './org/org.resolver';
import { RoleResolver } from './role/role.resolver';
import { UserIdentifierResolver } from './user-identifier/user-identifier.resolver';
import { UserProfileResolver } from './user-profile/user-profile.resolver';
import { OneRosterResolver } from './oneroster/oneroster.resolver';
import { UserResolver } from './user/user.resolver';

/** Every resolver class of the roster graph. */
export const rosterResolvers: Function[] = [
  OrgResolver,
  AcademicSessionResolver,
  CourseResolver,
  ClassResolver,
  UserResolver,
  UserIdentifierResolver,
  RoleResolver,
  AgentResolver,
  EnrollmentResolver,
  DemographicsResolver,
  UserProfileResolver,
  OneRosterResolver,
];
