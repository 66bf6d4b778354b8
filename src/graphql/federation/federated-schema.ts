import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLResolveInfo, type GraphQLSchema, parse } from 'graphql';
import { type BuildSchemaOptions, buildSchemaSync, createResolversMap } from 'type-graphql';

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
  const typeGraphqlSchema = buildSchemaSync({ ...buildOptions, skipCheck: true });
  const typeDefs = parse(`${link}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<Context>;
  for (const [typeName, { __resolveReference }] of Object.entries(referenceResolvers)) {
    if (!typeGraphqlSchema.getType(typeName)) throw new Error(`A reference resolver names "${typeName}", which is no type of the schema`);
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    (resolvers as Record<string, unknown>)[typeName] = { ...existing, __resolveReference };
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
