import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { required } from '../shared/required';
import { toUser } from '../user/user.mapper';
import { User } from '../user/user.type';
import { Demographics } from './demographics.type';

@Resolver(() => Demographics)
export class DemographicsResolver {
  @FieldResolver(() => User)
  async user(@Root() demographics: Demographics, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(demographics.userLocalId), `User ${demographics.userLocalId}`));
  }
}
