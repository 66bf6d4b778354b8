import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { countRows, fetchPage, pageWindow } from '../../graphql/relay/keyset';
import { PageArgs } from '../../graphql/relay/page-args';
import { optionalLocalId, required, toUser, User } from '../../roster';
import { toLearningRecord } from '../history/history.mapper';
import { LearningRecord } from '../history/history.types';
import { type HoldingRow, toComplianceItem } from './compliance.mapper';
import { checkWindow, DEFAULT_WINDOW_DAYS } from './compliance.service';
import { ComplianceItem, ComplianceItemConnection } from './compliance.types';

@Resolver(() => ComplianceItem)
export class ComplianceResolver {
  @Authorized()
  @Query(() => ComplianceItemConnection, {
    description: 'Who is about to be out of date: held items expiring within `within` days (and expired ones too with `includeExpired`), soonest first.',
  })
  async expiringLearning(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('within', () => Int, { defaultValue: DEFAULT_WINDOW_DAYS, description: 'Days from now.' }) within: number,
    @Arg('orgId', () => ID, { nullable: true, description: 'Users with a role at this org or below it; everyone when omitted.' }) orgId: string | null,
    @Arg('includeExpired', () => Boolean, { defaultValue: false }) includeExpired: boolean,
    @Ctx() ctx: Context,
  ): Promise<ComplianceItemConnection> {
    const query = ctx.services.records.compliance.expiringQuery(optionalLocalId(orgId, 'Org'), checkWindow(within), includeExpired);
    const result = await fetchPage<HoldingRow>(ctx.db, query, pageWindow(query, page, ctx.config.maxPageSize));
    const items = ctx.loaders.records.item;
    return toConnection(ComplianceItemConnection, result, (row) => toComplianceItem(row, items), () => countRows(ctx.db, query));
  }

  @FieldResolver(() => User)
  async user(@Root() held: ComplianceItem, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(held.userLocalId), `User ${held.userLocalId}`));
  }

  @FieldResolver(() => LearningRecord, { description: 'The completion that counts.' })
  async record(@Root() held: ComplianceItem, @Ctx() ctx: Context): Promise<LearningRecord> {
    return toLearningRecord(required(await ctx.loaders.records.record.load(held.recordLocalId), `record ${held.recordLocalId}`));
  }
}
