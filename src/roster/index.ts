/** The roster domain's public module: what the composition root wires in. */
export { rosterEntities } from './roster.entities';
export { type RosterLoaders, createRosterLoaders } from './roster.loaders';
export { rosterNodes } from './roster.nodes';
export { rosterResolvers } from './roster.resolvers';
export { type RosterServices, createRosterServices } from './roster.services';
