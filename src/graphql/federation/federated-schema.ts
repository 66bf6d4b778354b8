import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLResolveInfo, type GraphQLSchema, parse } from 'graphql';
import { type BuildSchemaOptions, buildSchemaSync, createResolversMap, getMetadataStorage } from 'type-graphql';

/** `__resolveReference` per entity type: representation (key fields + __typename) -> object or null. */
export type ReferenceResolvers<Context> = Readonly<
  Record<string, { __resolveReference: (reference: Record<string, unknown>, context: Context, info: GraphQLResolveInfo) => unknown }>
>;

export interface FederatedSchemaOptions<Context> extends Omit<BuildSchemaOptions, 'skipCheck'> {
  /**
   * The `extend schema @link(...)` header: which federation version and directives the SDL
   * uses (`@key` and friends are written on the classes with type-graphql's `@Directive`).
   */
  readonly link: string;
  readonly referenceResolvers: ReferenceResolvers<Context>;
}

/**
 * The one way this code base builds an Apollo Federation 2 subgraph schema: type-graphql
 * builds the schema from the classes, its SDL is printed with the `@key`/`@shareable`/...
 * directives kept, `buildSubgraphSchema` adds `_service` and `_entities`, and the resolvers
 * (type-graphql's, which run validation, auth and middlewares) are put back on it.
 *
 * Subscriptions keep working: `buildSubgraphSchema` carries each field's `subscribe` over from
 * the resolver map, so graphql-ws can serve the same schema; only a gateway cannot route them.
 */
export function buildFederatedSchema<Context>(options: FederatedSchemaOptions<Context>): GraphQLSchema {
  const { link, referenceResolvers, ...buildOptions } = options;
  // Validation runs once, on the subgraph schema: type-graphql's own check would reject the
  // federation directives, whose definitions only `buildSubgraphSchema` brings in.
  readPlainFieldsDirectly(buildOptions.globalMiddlewares);
  const typeGraphqlSchema = buildSchemaSync({ ...buildOptions, skipCheck: true });
  const typeDefs = parse(`${link}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<Context>;
  for (const [typeName, { __resolveReference }] of Object.entries(referenceResolvers)) {
    if (!typeGraphqlSchema.getType(typeName)) throw new Error(`A reference resolver names "${typeName}", which is no type of the schema`);
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    (resolvers as Record<string, unknown>)[typeName] = { ...existing, __resolveReference };
  }
  resolveTypesSynchronously(resolvers as Record<string, Record<string, unknown>>);
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}

/**
 * A property field with no auth rule, middleware or other name is read straight off its object
 * by graphql's default resolver. type-graphql would otherwise give each one a resolver that
 * builds a context object and runs an empty middleware chain: on a page of a few thousand
 * fields that was a measurable share of the request's CPU and garbage. A field that gains
 * `@Authorized` or a middleware keeps type-graphql's resolver, as does any explicit `simple`.
 */
function readPlainFieldsDirectly(globalMiddlewares: readonly unknown[] | undefined): void {
  if ((globalMiddlewares?.length ?? 0) > 0) return;
  const storage = getMetadataStorage();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql keys its metadata by class
  const guarded = (target: Function, fieldName: string): boolean =>
    storage.authorizedResolver.some((a) => a.target === target) ||
    storage.resolverMiddlewares.some((m) => m.target === target) ||
    storage.authorizedFields.some((a) => a.target === target && a.fieldName === fieldName) ||
    storage.middlewares.some((m) => m.target === target && m.fieldName === fieldName);
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.name !== field.schemaName || guarded(field.target, field.name)) continue;
    field.simple = true;
  }
}

/**
 * An interface's own `resolveType` (which in this code base returns a type name) is used as it
 * is. type-graphql wraps each one in an async function, so every abstract value on a page
 * waited for a promise, and compiled queries (graphql/compiled-queries.ts) cannot take a
 * promise there at all.
 */
function resolveTypesSynchronously(resolvers: Record<string, Record<string, unknown>>): void {
  for (const { name, resolveType } of getMetadataStorage().interfaceTypes) {
    if (!resolveType) continue;
    resolvers[name] = { ...resolvers[name], __resolveType: resolveType };
  }
}
