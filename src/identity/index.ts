/**
 * The identity domain's public module: matching people of outside systems to users. Importers
 * call `IdentityService.matchPeople` over their staging tables and, when they change users,
 * `rematchUnmatched`; the graph gets link keys, collisions and match details.
 */
export { identityEntities } from './identity.entities';
export { ExternalPersonEntity } from './external-person.entity';
export { IdentityService } from './identity.service';
export { type IdentityLoaders, createIdentityLoaders } from './identity.loaders';
export { identityResolvers } from './identity.resolver';
export { PersonMatch } from './identity.types';
export { toPersonMatch } from './identity.mapper';
export { IDENTIFIER_KINDS, type IdentifierKind, type IdentityMapping, type IdentityRule, parseIdentityMapping } from './identity-mapping';
export type { MatchSummary, PeopleToMatch } from './match-people';
export type { PersonReference } from './person-reference';
export { PERSON_COLUMNS, type PersonRow } from './person.row';
export type { RematchOutcome } from './rematch';
export { MatchMethod, MatchStatus } from './match-status';
