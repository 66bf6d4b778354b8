import type DataLoader from 'dataloader';
import { type AccessScope, type ScopedKind, visibleClause } from '../auth/scope/access-scope';
import type { Queryable } from '../graphql/relay/keyset';
import { ACADEMIC_SESSION_COLUMNS, type AcademicSessionRow } from './academic-session/academic-session.mapper';
import { AGENT_COLUMNS, type AgentRow } from './agent/agent.mapper';
import { classWithCourseLoader } from './class/class-with-course.loader';
import type { ClassRow } from './class/class.mapper';
import { COURSE_COLUMNS, type CourseRow } from './course/course.mapper';
import { DEMOGRAPHICS_COLUMNS, type DemographicsRow } from './demographics/demographics.mapper';
import { ENROLLMENT_COLUMNS, type EnrollmentRow } from './enrollment/enrollment.mapper';
import { ORG_COLUMNS, type OrgRow } from './org/org.mapper';
import { ROLE_COLUMNS, type RoleRow } from './role/role.mapper';
import { byIdLoader, groupedLoader, oneByKeyLoader } from '../graphql/batch-loaders';
import { USER_IDENTIFIER_COLUMNS, type UserIdentifierRow } from './user-identifier/user-identifier.mapper';
import { USER_PROFILE_COLUMNS, type UserProfileRow } from './user-profile/user-profile.mapper';
import { USER_COLUMNS, type UserRow } from './user/user.mapper';

/**
 * The roster's per-request loaders: records by id (deleted ones too, so that a reference never
 * dangles), and the small lists under a record (terms, roles, identifiers, agents), which
 * leave out links the source has deleted. Each costs one statement per batch.
 */
export interface RosterLoaders {
  readonly org: DataLoader<string, OrgRow | null>;
  readonly academicSession: DataLoader<string, AcademicSessionRow | null>;
  readonly course: DataLoader<string, CourseRow | null>;
  readonly rosterClass: DataLoader<string, ClassRow | null>;
  readonly user: DataLoader<string, UserRow | null>;
  readonly userIdentifier: DataLoader<string, UserIdentifierRow | null>;
  readonly role: DataLoader<string, RoleRow | null>;
  readonly agent: DataLoader<string, AgentRow | null>;
  readonly enrollment: DataLoader<string, EnrollmentRow | null>;
  readonly demographics: DataLoader<string, DemographicsRow | null>;
  readonly userProfile: DataLoader<string, UserProfileRow | null>;
  /** By parent session id, in date order. */
  readonly sessionChildren: DataLoader<string, AcademicSessionRow[]>;
  /** By class id, in date order. */
  readonly classTerms: DataLoader<string, AcademicSessionRow[]>;
  /** By user id, primary roles first. */
  readonly userRoles: DataLoader<string, RoleRow[]>;
  readonly userIdentifiers: DataLoader<string, UserIdentifierRow[]>;
  /** Agent links by the user they act for. */
  readonly userAgentLinks: DataLoader<string, AgentRow[]>;
  /** The users who act for a user, by that user's id. */
  readonly userAgents: DataLoader<string, UserRow[]>;
  /** The users someone acts for, by the agent's id. */
  readonly agentFor: DataLoader<string, UserRow[]>;
  readonly userDemographics: DataLoader<string, DemographicsRow | null>;
  /** By user id, by vendor and application. */
  readonly userProfiles: DataLoader<string, UserProfileRow[]>;
  /** Ids of the users with a sourcedId, in any system (federation's `User @key(fields: "sourcedId")`). */
  readonly userIdsBySourcedId: DataLoader<string, { id: string }[]>;
}

const BY_NAME = 'u.family_name, u.given_name, u.id';

/**
 * @param scope a scoped key's org subtree: by-id loads return null for what it may not see, and
 *   lists under a record leave such rows out (a user's roles at another school).
 */
export function createRosterLoaders(db: Queryable, scope: AccessScope | null = null): RosterLoaders {
  const only = (kind: ScopedKind, alias: string) => visibleClause(scope, kind, alias, 2);
  const roles = only('role', 'r');
  const agentUsers = only('user', 'u');
  const course = byIdLoader<CourseRow>(db, COURSE_COLUMNS, 'course co', 'co', only('course', 'co'));
  const classes = only('class', 'c');
  return {
    org: byIdLoader(db, ORG_COLUMNS, 'org o', 'o', only('org', 'o')),
    academicSession: byIdLoader(db, ACADEMIC_SESSION_COLUMNS, 'academic_session s', 's'),
    course,
    // Each class comes with its course, primed into `course` (class { course } costs one statement).
    rosterClass: classWithCourseLoader(db, classes, visibleClause(scope, 'course', 'co', 2 + classes.values.length), course),
    user: byIdLoader(db, USER_COLUMNS, 'roster_user u', 'u', only('user', 'u')),
    userIdentifier: byIdLoader(db, USER_IDENTIFIER_COLUMNS, 'user_identifier ui', 'ui', only('userChild', 'ui')),
    role: byIdLoader(db, ROLE_COLUMNS, 'role r', 'r', roles),
    agent: byIdLoader(db, AGENT_COLUMNS, 'agent a', 'a', only('agent', 'a')),
    enrollment: byIdLoader(db, ENROLLMENT_COLUMNS, 'enrollment e', 'e', only('enrollment', 'e')),
    demographics: byIdLoader(db, DEMOGRAPHICS_COLUMNS, 'demographics d', 'd', only('userChild', 'd')),
    userProfile: byIdLoader(db, USER_PROFILE_COLUMNS, 'user_profile up', 'up', only('userChild', 'up')),
    sessionChildren: groupedLoader(
      db,
      `select ${ACADEMIC_SESSION_COLUMNS}, s.parent_id::text as "__key" from academic_session s
       where s.parent_id = any($1::bigint[]) and s.deleted_at is null order by s.start_date, s.id`,
    ),
    classTerms: groupedLoader(
      db,
      `select ${ACADEMIC_SESSION_COLUMNS}, ct.class_id::text as "__key"
       from class_term ct join academic_session s on s.id = ct.session_id
       where ct.class_id = any($1::bigint[]) and ct.deleted_at is null order by s.start_date, s.id`,
    ),
    userRoles: groupedLoader(
      db,
      `select ${ROLE_COLUMNS}, r.user_id::text as "__key" from role r
       where r.user_id = any($1::bigint[]) and r.deleted_at is null${roles.text} order by r.role_type, r.id`,
      roles.values,
    ),
    // Byte order: user_identifier's text columns are in the "C" collation (key-columns.ts).
    userIdentifiers: groupedLoader(
      db,
      `select ${USER_IDENTIFIER_COLUMNS}, ui.user_id::text as "__key" from user_identifier ui
       where ui.user_id = any($1::bigint[]) and ui.deleted_at is null order by ui.kind, ui.namespace, ui.value, ui.id`,
    ),
    userAgentLinks: groupedLoader(
      db,
      `select ${AGENT_COLUMNS}, a.user_id::text as "__key" from agent a
       where a.user_id = any($1::bigint[]) and a.deleted_at is null${only('agent', 'a').text} order by a.id`,
      only('agent', 'a').values,
    ),
    userAgents: groupedLoader(
      db,
      `select ${USER_COLUMNS}, a.user_id::text as "__key" from agent a join roster_user u on u.id = a.agent_user_id
       where a.user_id = any($1::bigint[]) and a.deleted_at is null${agentUsers.text} order by ${BY_NAME}`,
      agentUsers.values,
    ),
    agentFor: groupedLoader(
      db,
      `select ${USER_COLUMNS}, a.agent_user_id::text as "__key" from agent a join roster_user u on u.id = a.user_id
       where a.agent_user_id = any($1::bigint[]) and a.deleted_at is null${agentUsers.text} order by ${BY_NAME}`,
      agentUsers.values,
    ),
    userDemographics: oneByKeyLoader(
      db,
      `select ${DEMOGRAPHICS_COLUMNS}, d.user_id::text as "__key" from demographics d
       where d.user_id = any($1::bigint[]) and d.deleted_at is null`,
    ),
    userProfiles: groupedLoader(
      db,
      `select ${USER_PROFILE_COLUMNS}, up.user_id::text as "__key" from user_profile up
       where up.user_id = any($1::bigint[]) and up.deleted_at is null order by up.vendor_id, up.application_id, up.id`,
    ),
    // The unique (system, sourced_id) index serves this through a skip scan: systems are few.
    userIdsBySourcedId: groupedLoader(
      db,
      `select u.id::text as id, u.sourced_id as "__key" from roster_user u
       where u.sourced_id = any($1::text[])${only('user', 'u').text} order by u.id`,
      only('user', 'u').values,
    ),
  };
}
