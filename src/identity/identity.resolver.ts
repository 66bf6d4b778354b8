import { MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiRole } from '../auth/role';
import type { Context } from '../graphql/context';
import { toConnection } from '../graphql/relay/connection';
import { fetchPage, countRows, pageWindow } from '../graphql/relay/keyset';
import { localIdOf } from '../graphql/relay/global-id';
import { PageArgs } from '../graphql/relay/page-args';
import { required, toUser, User, UserIdentifierKind } from '../roster';
import { CreatedLinkKey, ExternalAccount, IdentifierCollision, IdentifierCollisionConnection, PersonMatch } from './identity.types';
import { toCreatedLinkKey, toExternalAccount, toIdentifierCollision } from './identity.mapper';
import type { IdentifierKind } from './identity-mapping';

const WEEK_MINUTES = 7 * 24 * 60;

@ArgsType()
class RedeemLinkKeyArgs {
  @Field(() => String)
  @MaxLength(200)
  key!: string;

  @Field(() => String, { description: 'The outside system, as its records name it (an LMS source’s `system`, `lms` by default).' })
  @MaxLength(200)
  externalSystem!: string;

  @Field(() => String, { description: 'The account’s id there (for the LMS: the value of its account field, `uniqueid` by default).' })
  @MaxLength(500)
  externalId!: string;
}

@Resolver()
export class IdentityResolver {
  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => CreatedLinkKey, { description: 'A one-time key for the user to link an outside account with; shown only in this answer.' })
  async createLinkKey(
    @Arg('userId', () => ID) userId: string,
    @Arg('expiresInMinutes', () => Int, { defaultValue: WEEK_MINUTES }) expiresInMinutes: number,
    @Ctx() ctx: Context,
  ): Promise<CreatedLinkKey> {
    return toCreatedLinkKey(await ctx.services.identity.createLinkKey(localIdOf(userId, 'User'), expiresInMinutes, ctx.viewer?.keyId ?? null));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => ExternalAccount, {
    description: 'Ties an outside account to the user the key was made for; records of that account match the user from then on, including those already stored.',
  })
  async redeemLinkKey(@Args(() => RedeemLinkKeyArgs) args: RedeemLinkKeyArgs, @Ctx() ctx: Context): Promise<ExternalAccount> {
    return toExternalAccount(await ctx.services.identity.redeemLinkKey(args.key, args.externalSystem, args.externalId));
  }

  @Authorized()
  @Query(() => IdentifierCollisionConnection, { description: 'Identifiers several live users claim; matching never picks one of them.' })
  async identityCollisions(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('kinds', () => [UserIdentifierKind], { nullable: true, description: 'Default: identifier, email, username, userId.' }) kinds: UserIdentifierKind[] | null,
    @Ctx() ctx: Context,
  ): Promise<IdentifierCollisionConnection> {
    const query = ctx.services.identity.collisionsQuery(kinds as IdentifierKind[] | null);
    const result = await fetchPage<{ kind: string; normalized: string; user_ids: string[] }>(ctx.db, query, pageWindow(query, page, ctx.config.maxPageSize));
    return toConnection(IdentifierCollisionConnection, result, toIdentifierCollision, () => countRows(ctx.db, query));
  }
}

@Resolver(() => IdentifierCollision)
export class IdentifierCollisionResolver {
  @FieldResolver(() => [User])
  async users(@Root() collision: IdentifierCollision, @Ctx() ctx: Context): Promise<User[]> {
    const rows = await ctx.loaders.roster.user.loadMany(collision.userLocalIds);
    return rows.map((row, i) => toUser(required(row instanceof Error ? null : row, `User ${collision.userLocalIds[i]}`)));
  }
}

@Resolver(() => ExternalAccount)
export class ExternalAccountResolver {
  @FieldResolver(() => User)
  async user(@Root() account: ExternalAccount, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(account.userLocalId), `User ${account.userLocalId}`));
  }
}

@Resolver(() => CreatedLinkKey)
export class CreatedLinkKeyResolver {
  @FieldResolver(() => User)
  async user(@Root() created: CreatedLinkKey, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(created.userLocalId), `User ${created.userLocalId}`));
  }
}

@Resolver(() => PersonMatch)
export class PersonMatchResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The matched user; null while unmatched or ambiguous.' })
  async user(@Root() match: PersonMatch, @Ctx() ctx: Context): Promise<User | null> {
    if (match.userLocalId === null) return null;
    const row = await ctx.loaders.roster.user.load(match.userLocalId);
    return row && toUser(row);
  }

  @FieldResolver(() => [User], { description: 'For an AMBIGUOUS match: every user the identifiers point at.' })
  async candidates(@Root() match: PersonMatch, @Ctx() ctx: Context): Promise<User[]> {
    const rows = await ctx.loaders.roster.user.loadMany(match.candidateLocalIds);
    return rows.flatMap((row) => (row && !(row instanceof Error) ? [toUser(row)] : []));
  }
}

@Resolver(() => User)
export class UserAccountsResolver {
  @FieldResolver(() => [ExternalAccount], { description: 'Outside accounts linked to the user with link keys.' })
  async externalAccounts(@Root() user: User, @Ctx() ctx: Context): Promise<ExternalAccount[]> {
    return (await ctx.loaders.identity.userAccounts.load(user.localId)).map(toExternalAccount);
  }
}

export const identityResolvers: Function[] = [
  IdentityResolver,
  IdentifierCollisionResolver,
  ExternalAccountResolver,
  CreatedLinkKeyResolver,
  PersonMatchResolver,
  UserAccountsResolver,
];

