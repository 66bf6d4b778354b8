import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { required } from '../shared/required';
import { toUser } from '../user/user.mapper';
import { User } from '../user/user.type';
import { UserIdentifier } from './user-identifier.type';

@Resolver(() => UserIdentifier)
export class UserIdentifierResolver {
  @FieldResolver(() => User)
  async user(@Root() identifier: UserIdentifier, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(identifier.userLocalId), `User ${identifier.userLocalId}`));
  }
}
