import { type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema, defaultFieldResolver } from 'graphql';

/**
 * `_service { sdl }` describes the whole graph, so it asks for an API key like every other field
 * (a gateway sends one, as it does for `_entities`) and whatever else `check` wants;
 * `@apollo/subgraph` leaves it open to anyone.
 */
export function guardServiceField<Context>(schema: GraphQLSchema, check: (context: Context, info: GraphQLResolveInfo) => Promise<void> | void): void {
  const field = schema.getQueryType()?.getFields()['_service'];
  if (!field) return;
  const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
  field.resolve = async (source, args, context, info) => {
    await check(context, info);
    return resolve(source, args, context, info);
  };
}
