import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { selectsCursors } from '../../graphql/relay/cursor-selection';
import { User } from '../../roster';
import { toUserCompliance } from '../compliance/compliance.mapper';
import { checkWindow, DEFAULT_WINDOW_DAYS } from '../compliance/compliance.service';
import { UserCompliance } from '../compliance/compliance.types';
import type { HistoryRow } from '../model/record-rows';
import { HistoryArgs, toHistoryCriteria } from './history.args';
import { toHistoryEntry } from './history.mapper';
import { LearningHistoryConnection } from './history.types';
import { timelineColumns } from './timeline-columns';

/** What a user learnt: the timeline and where they stand on what expires. */
@Resolver(() => User)
export class UserLearningResolver {
  @FieldResolver(() => LearningHistoryConnection, {
    description: 'Everything the user did, newest first: enrollments, SCORM and quiz attempts, face-to-face sessions, course and pathway completions.',
  })
  async learningHistory(
    @Root() user: User,
    @Args(() => HistoryArgs) args: HistoryArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LearningHistoryConnection> {
    const list = ctx.services.records.records.timeline(toHistoryCriteria(args), timelineColumns(info));
    const signature = JSON.stringify([list.field, list.shape]);
    const page = await ctx.loaders.connections.page<HistoryRow>(signature, list.query, list.parentExpr, args, user.localId, 'lateral', selectsCursors(info));
    return toConnection(LearningHistoryConnection, page, toHistoryEntry, () => ctx.loaders.connections.count(signature, list.query, list.parentExpr, user.localId));
  }

  @FieldResolver(() => UserCompliance, { description: 'Items with a validity period the user holds (equivalences included): what has expired or will within `within` days.' })
  async compliance(
    @Root() user: User,
    @Arg('within', () => Int, { defaultValue: DEFAULT_WINDOW_DAYS, description: 'Days from now that count as "about to expire".' }) within: number,
    @Ctx() ctx: Context,
  ): Promise<UserCompliance> {
    return toUserCompliance(await ctx.loaders.records.compliance(checkWindow(within)).load(user.localId), ctx.loaders.records.item);
  }
}
