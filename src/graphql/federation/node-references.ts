import type { GraphQLResolveInfo } from 'graphql';
import { type AuthCheckerFn, AuthorizationError } from 'type-graphql';
import { authChecker } from '../../auth/auth-checker';
import type { ApiRole } from '../../auth/role';
import { DomainError } from '../../shared/domain-error';
import type { Context } from '../context';
import { fromGlobalId, toGlobalId } from '../relay/global-id';
import { loadNode } from '../relay/node.resolver';
import type { ReferenceResolvers } from './federated-schema';

type Reference = Record<string, unknown>;
type ResolveReference = (reference: Reference, ctx: Context, info: GraphQLResolveInfo) => Promise<object | null>;

/**
 * `_entities` must see exactly what `node(id)` sees: the same key check and the same loaders
 * (so scoping and batching apply alike). `@key(fields: "id")` is the Relay global id.
 */
async function byGlobalId(typeName: string, globalId: unknown, ctx: Context): Promise<object | null> {
  if (typeof globalId !== 'string') return null;
  // A global id of another type is no reference to this one.
  if (fromGlobalId(globalId).type !== typeName) return null;
  return loadNode(ctx, globalId);
}

/** Same rule as `@Authorized(...roles)`: by default (as on `node(id)`) any valid key. */
export async function requireKey(ctx: Context, info: GraphQLResolveInfo, root: unknown = null, roles: readonly ApiRole[] = []): Promise<void> {
  if (!(await (authChecker as AuthCheckerFn<Context, ApiRole>)({ root, args: {}, context: ctx, info }, [...roles]))) throw new AuthorizationError();
}

function authorized(resolve: ResolveReference): ResolveReference {
  return async (reference, ctx, info) => {
    await requireKey(ctx, info, reference);
    return resolve(reference, ctx, info);
  };
}

/**
 * `User @key(fields: "sourcedId")`: sourcedIds are unique per system, so the users with it are
 * looked up in every system and loaded through `node(id)`'s path; a sourcedId that names more
 * than one visible user is refused rather than guessed.
 */
async function userBySourcedId(sourcedId: unknown, ctx: Context): Promise<object | null> {
  if (typeof sourcedId !== 'string') return null;
  const rows = await ctx.loaders.roster.userIdsBySourcedId.load(sourcedId);
  const users = (await Promise.all(rows.map(({ id }) => loadNode(ctx, toGlobalId('User', id))))).filter((u) => u !== null);
  if (users.length > 1) {
    throw new DomainError('CONFLICT', `sourcedId "${sourcedId.slice(0, 80)}" names ${users.length} users in different systems; refer to one by id`);
  }
  return users[0] ?? null;
}

/** Reference resolvers for every entity type of the graph, keyed by the global id (and User by sourcedId too). */
export function nodeReferenceResolvers(entityTypes: readonly string[]): ReferenceResolvers<Context> {
  const resolvers: Record<string, { __resolveReference: ResolveReference }> = {};
  for (const typeName of entityTypes) {
    resolvers[typeName] = {
      __resolveReference: authorized(async (reference, ctx) =>
        typeName === 'User' && !('id' in reference) ? userBySourcedId(reference['sourcedId'], ctx) : byGlobalId(typeName, reference['id'], ctx),
      ),
    };
  }
  return resolvers;
}
