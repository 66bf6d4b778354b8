import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync, type PubSub } from 'type-graphql';
import { resolvers } from '../app/resolvers';
import { authChecker } from '../auth/auth-checker';

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

/** The executable schema, built once per process from the resolver classes. */
export function appSchema(): GraphQLSchema {
  built ??= buildSchemaSync({
    resolvers,
    authChecker,
    authMode: 'error',
    pubSub: noTopics,
    validate: { forbidUnknownValues: false },
  });
  return built;
}

/** The SDL committed as `schema.graphql`, sorted so that it diffs cleanly. */
export function printAppSchema(): string {
  return `${printSchema(lexicographicSortSchema(appSchema()))}\n`;
}
