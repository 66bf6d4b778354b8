import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { required } from '../shared/required';
import { toUser } from '../user/user.mapper';
import { User } from '../user/user.type';
import { Agent } from './agent.type';

@Resolver(() => Agent)
export class AgentResolver {
  @FieldResolver(() => User, { description: 'The user who is acted for (the child).' })
  async user(@Root() agent: Agent, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(agent.userLocalId), `User ${agent.userLocalId}`));
  }

  @FieldResolver(() => User, { description: 'The user who acts (the parent or guardian).' })
  async agent(@Root() agent: Agent, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(agent.agentLocalId), `User ${agent.agentLocalId}`));
  }
}
