import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { fromGlobalId } from './global-id';
import { Node, tagNode } from './node.interface';

/** Relay refetching: any object by its global id, or many at once (batched by the loaders). */
@Authorized()
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches an object by its global id.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Fetches objects by their global ids, in order; null where none.' })
  async nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}

/** What `node(id)` returns for a global id; `_entities` resolves references through it too. */
export async function loadNode(ctx: Context, globalId: string): Promise<Node | null> {
  const { type, id } = fromGlobalId(globalId);
  const fetch = ctx.services.nodes[type];
  if (!fetch || !/^[1-9][0-9]{0,18}$/.test(id)) return null;
  const value = await fetch(ctx.loaders, id);
  return value ? tagNode(type, value as Node) : null;
}
