import 'reflect-metadata';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, lexicographicSortSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { ENTITY_TYPES, FEDERATION_LINK } from '../app/federation';
import { resolvers } from '../app/resolvers';
import { authChecker } from '../auth/auth-checker';
import { ApiRole } from '../auth/role';
import type { Context } from './context';
import { buildFederatedSchema } from './federation/federated-schema';
import { nodeReferenceResolvers, requireKey } from './federation/node-references';
import { guardServiceField } from './federation/service-access';
import { DateTimeISO } from './scalars/date-time-iso';
import { validateArgs } from './validate-args';

/**
 * Every subscription here has its own `subscribe` function fed by Postgres LISTEN/NOTIFY (an
 * in-memory topic bus would only reach one instance), but type-graphql wants a PubSub anyway.
 */
const noTopics: PubSub = {
  publish: () => {
    throw new Error('Topic pubsub is not used; subscriptions define `subscribe`');
  },
  subscribe: () => {
    throw new Error('Topic pubsub is not used; subscriptions define `subscribe`');
  },
};

let built: GraphQLSchema | undefined;

/**
 * The executable schema, built once per process from the resolver classes: an Apollo
 * Federation 2 subgraph (`_service`, `_entities`), served as is over HTTP and graphql-ws.
 */
export function appSchema(): GraphQLSchema {
  if (built) return built;
  built = buildFederatedSchema({
    link: FEDERATION_LINK,
    referenceResolvers: nodeReferenceResolvers(ENTITY_TYPES),
    resolvers,
    authChecker,
    authMode: 'error',
    pubSub: noTopics,
    validateFn: validateArgs,
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
  });
  // With introspection off (production), the SDL is an admin's to read, as the schema would be.
  guardServiceField<Context>(built, (ctx, info) => requireKey(ctx, info, null, ctx.config.introspection ? [] : [ApiRole.ADMIN]));
  return built;
}

/**
 * The SDL committed as `schema.graphql`, sorted so that it diffs cleanly: the schema as served,
 * federation directives, `_service` and `_entities` included, so that tools can load it alone.
 */
export function printAppSchema(): string {
  return `${printSchemaWithDirectives(lexicographicSortSchema(appSchema()))}\n`;
}
