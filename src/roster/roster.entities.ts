import { AcademicSessionEntity } from './academic-session/academic-session.entity';
import { AgentEntity } from './agent/agent.entity';
import { ClassTermEntity } from './class/class-term.entity';
import { RosterClassEntity } from './class/class.entity';
import { CourseEntity } from './course/course.entity';
import { DemographicsEntity } from './demographics/demographics.entity';
import { EnrollmentEntity } from './enrollment/enrollment.entity';
import { OrgEntity } from './org/org.entity';
import { RoleEntity } from './role/role.entity';
import { UserIdentifierEntity } from './user-identifier/user-identifier.entity';
import { UserProfileEntity } from './user-profile/user-profile.entity';
import { UserEntity } from './user/user.entity';

/** The roster's tables, in dependency order. */
export const rosterEntities: Function[] = [
  OrgEntity,
  AcademicSessionEntity,
  CourseEntity,
  RosterClassEntity,
  ClassTermEntity,
  UserEntity,
  UserIdentifierEntity,
  UserProfileEntity,
  RoleEntity,
  AgentEntity,
  EnrollmentEntity,
  DemographicsEntity,
];
