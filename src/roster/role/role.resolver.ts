import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toOrg } from '../org/org.mapper';
import { Org } from '../org/org.type';
import { required } from '../shared/required';
import { toUser } from '../user/user.mapper';
import { User } from '../user/user.type';
import { Role } from './role.type';

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => User)
  async user(@Root() role: Role, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(role.userLocalId), `User ${role.userLocalId}`));
  }

  @FieldResolver(() => Org)
  async org(@Root() role: Role, @Ctx() ctx: Context): Promise<Org> {
    return toOrg(required(await ctx.loaders.roster.org.load(role.orgLocalId), `Org ${role.orgLocalId}`));
  }
}
