/** The roster domain's public module: what the composition root wires in. */
export { rosterEntities } from './roster.entities';
export { type RosterLoaders, createRosterLoaders } from './roster.loaders';
export { rosterNodes } from './roster.nodes';
export { rosterResolvers } from './roster.resolvers';
export { type RosterServices, createRosterServices } from './roster.services';

/** What other domains build on: the user and enrollment tables and types, and how rows become types. */
export { UserEntity } from './user/user.entity';
export { User } from './user/user.type';
export { toUser, USER_COLUMNS, type UserRow } from './user/user.mapper';
export { UserIdentifierKind } from './user-identifier/user-identifier-kind';
export { Enrollment } from './enrollment/enrollment.type';
export { toEnrollment, ENROLLMENT_COLUMNS, type EnrollmentRow } from './enrollment/enrollment.mapper';
export { orgSubtree } from './shared/sql-conditions';
export { optionalLocalId } from './shared/ids';
export { RosterClass } from './class/class.type';
export { toClass } from './class/class.mapper';
export { JSONObject, LocalDate } from './shared/scalars';
export { required } from './shared/required';
export { searchCondition } from './shared/sql-conditions';
export { Org } from './org/org.type';
export { toOrg } from './org/org.mapper';
