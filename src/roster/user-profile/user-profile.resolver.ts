import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { required } from '../shared/required';
import { toUser } from '../user/user.mapper';
import { User } from '../user/user.type';
import { UserProfile } from './user-profile.type';

@Resolver(() => UserProfile)
export class UserProfileResolver {
  @FieldResolver(() => User)
  async user(@Root() profile: UserProfile, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(profile.userLocalId), `User ${profile.userLocalId}`));
  }
}
