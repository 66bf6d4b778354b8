import { MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiRole } from '../../auth/role';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { localIdOf } from '../../graphql/relay/global-id';
import { countRows, fetchPage, pageWindow } from '../../graphql/relay/keyset';
import { PageArgs } from '../../graphql/relay/page-args';
import { HistoryArgs, toHistoryCriteria } from '../history/history.args';
import { toLearningRecord } from '../history/history.mapper';
import { LearningRecordConnection } from '../history/history.types';
import { LearningItemKind } from '../model/learning-kind';
import type { HistoryRow, LearningItemRow } from '../model/record-rows';
import { toLearningItem } from './learning-item.mapper';
import { LearningItem, LearningItemConnection, ValidityPeriodInput } from './learning-item.types';

@InputType('LearningItemFilter')
class LearningItemFilter {
  @Field(() => LearningItemKind, { nullable: true })
  kind?: LearningItemKind | null;

  @Field(() => String, { nullable: true, description: 'Only items of this source system.' })
  @MaxLength(100)
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, ignoring case.' })
  @MaxLength(200)
  search?: string | null;
}

@ArgsType()
class ItemRecordsArgs extends HistoryArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: only records matched to a user; false: only unmatched ones.' })
  matched?: boolean | null;
}

@Resolver(() => LearningItem)
export class LearningItemResolver {
  @Authorized()
  @Query(() => LearningItemConnection, { description: 'SCORM packages, courses, quizzes, face-to-face events and pathways, by name.' })
  async learningItems(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => LearningItemFilter, { nullable: true }) filter: LearningItemFilter | null,
    @Ctx() ctx: Context,
  ): Promise<LearningItemConnection> {
    const query = ctx.services.records.items.listQuery({ kind: filter?.kind ?? null, source: filter?.source ?? null, search: filter?.search ?? null });
    const result = await fetchPage<LearningItemRow>(ctx.db, query, pageWindow(query, page, ctx.config.maxPageSize));
    return toConnection(LearningItemConnection, result, toLearningItem, () => countRows(ctx.db, query));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => LearningItem, { description: 'Sets how long completions of the item stay valid (null: forever); every completion’s validUntil follows.' })
  async setLearningItemValidity(
    @Arg('itemId', () => ID) itemId: string,
    @Arg('validity', () => ValidityPeriodInput, { nullable: true }) validity: ValidityPeriodInput | null,
    @Ctx() ctx: Context,
  ): Promise<LearningItem> {
    return toLearningItem(await ctx.services.records.items.setValidity(localIdOf(itemId, 'LearningItem'), validity));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => LearningItem, { description: 'Completing `equivalentItemId` counts as completing `itemId` (both ways when `mutual`). Returns `itemId`.' })
  async addLearningItemEquivalence(
    @Arg('itemId', () => ID) itemId: string,
    @Arg('equivalentItemId', () => ID) equivalentItemId: string,
    @Arg('mutual', () => Boolean, { defaultValue: false }) mutual: boolean,
    @Ctx() ctx: Context,
  ): Promise<LearningItem> {
    return toLearningItem(await ctx.services.records.items.addEquivalence(localIdOf(itemId, 'LearningItem'), localIdOf(equivalentItemId, 'LearningItem'), mutual));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => LearningItem, { description: 'Undoes addLearningItemEquivalence. Returns `itemId`.' })
  async removeLearningItemEquivalence(
    @Arg('itemId', () => ID) itemId: string,
    @Arg('equivalentItemId', () => ID) equivalentItemId: string,
    @Arg('mutual', () => Boolean, { defaultValue: false }) mutual: boolean,
    @Ctx() ctx: Context,
  ): Promise<LearningItem> {
    return toLearningItem(await ctx.services.records.items.removeEquivalence(localIdOf(itemId, 'LearningItem'), localIdOf(equivalentItemId, 'LearningItem'), mutual));
  }

  @FieldResolver(() => [LearningItem], { description: 'Items whose completion counts as completing this one.' })
  async equivalents(@Root() item: LearningItem, @Ctx() ctx: Context): Promise<LearningItem[]> {
    return (await ctx.loaders.records.equivalents.load(item.localId)).map(toLearningItem);
  }

  @FieldResolver(() => [LearningItem], { description: 'Items that completing this one counts for.' })
  async countsAs(@Root() item: LearningItem, @Ctx() ctx: Context): Promise<LearningItem[]> {
    return (await ctx.loaders.records.countsAs.load(item.localId)).map(toLearningItem);
  }

  @FieldResolver(() => LearningRecordConnection, { description: 'The item’s records, newest first.' })
  async records(@Root() item: LearningItem, @Args(() => ItemRecordsArgs) args: ItemRecordsArgs, @Ctx() ctx: Context): Promise<LearningRecordConnection> {
    const list = ctx.services.records.records.itemRecords({ ...toHistoryCriteria(args), matched: args.matched ?? null });
    const signature = JSON.stringify([list.field, list.shape]);
    const page = await ctx.loaders.connections.page<HistoryRow>(signature, list.query, list.parentExpr, args, item.localId);
    return toConnection(LearningRecordConnection, page, toLearningRecord, () => ctx.loaders.connections.count(signature, list.query, list.parentExpr, item.localId));
  }
}
