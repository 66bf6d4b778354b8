import type { NodeRegistry } from '../graphql/relay/node-registry';
import { toAcademicSession } from './academic-session/academic-session.mapper';
import { toAgent } from './agent/agent.mapper';
import { toClass } from './class/class.mapper';
import { toCourse } from './course/course.mapper';
import { toDemographics } from './demographics/demographics.mapper';
import { toEnrollment } from './enrollment/enrollment.mapper';
import { toOrg } from './org/org.mapper';
import { toRole } from './role/role.mapper';
import type { RosterLoaders } from './roster.loaders';
import { toUserIdentifier } from './user-identifier/user-identifier.mapper';
import { toUserProfile } from './user-profile/user-profile.mapper';
import { toUser } from './user/user.mapper';

const mapped = <Row, T>(row: Row | null, toType: (row: Row) => T): T | null => (row ? toType(row) : null);

/** How `node(id)` loads each roster type; `nodes(ids)` batches through the same loaders. */
export const rosterNodes: NodeRegistry<{ readonly roster: RosterLoaders }> = {
  Org: async ({ roster }, id) => mapped(await roster.org.load(id), toOrg),
  AcademicSession: async ({ roster }, id) => mapped(await roster.academicSession.load(id), toAcademicSession),
  Course: async ({ roster }, id) => mapped(await roster.course.load(id), toCourse),
  Class: async ({ roster }, id) => mapped(await roster.rosterClass.load(id), toClass),
  User: async ({ roster }, id) => mapped(await roster.user.load(id), toUser),
  UserIdentifier: async ({ roster }, id) => mapped(await roster.userIdentifier.load(id), toUserIdentifier),
  Role: async ({ roster }, id) => mapped(await roster.role.load(id), toRole),
  Agent: async ({ roster }, id) => mapped(await roster.agent.load(id), toAgent),
  Enrollment: async ({ roster }, id) => mapped(await roster.enrollment.load(id), toEnrollment),
  Demographics: async ({ roster }, id) => mapped(await roster.demographics.load(id), toDemographics),
  UserProfile: async ({ roster }, id) => mapped(await roster.userProfile.load(id), toUserProfile),
};
