import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiRole } from '../../auth/role';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { fromGlobalId, localIdOf } from '../../graphql/relay/global-id';
import { countRows, fetchPage, pageWindow } from '../../graphql/relay/keyset';
import { PageArgs } from '../../graphql/relay/page-args';
import { PersonMatch, toPersonMatch } from '../../identity';
import { Enrollment, RosterClass, required, toClass, toEnrollment, toUser, User } from '../../roster';
import { DomainError } from '../../shared/domain-error';
import { toLearningItem } from '../items/learning-item.mapper';
import { LearningItem } from '../items/learning-item.types';
import { LearningKind } from '../model/learning-kind';
import type { HistoryRow } from '../model/record-rows';
import { toLearningRecord, toStatusChange } from './history.mapper';
import { EnrollmentHistoryEntry, LearningRecord, LearningRecordConnection, LearningStatusChange, RECORD_TYPE_NAMES } from './history.types';

/** Fields every learning record has beyond its columns; inherited by each record type. */
@Resolver(() => LearningRecord)
export class LearningRecordResolver {
  @FieldResolver(() => LearningItem, { nullable: true })
  async item(@Root() record: LearningRecord, @Ctx() ctx: Context): Promise<LearningItem | null> {
    if (record.itemLocalId === null) return null;
    const row = await ctx.loaders.records.item.load(record.itemLocalId);
    return row && toLearningItem(row);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Null while nobody is matched (see `match`).' })
  async user(@Root() record: LearningRecord, @Ctx() ctx: Context): Promise<User | null> {
    if (record.userLocalId === null) return null;
    const row = await ctx.loaders.roster.user.load(record.userLocalId);
    return row && toUser(row);
  }

  @FieldResolver(() => PersonMatch, { description: 'Who the source said this is, and how (or whether) that was matched to a user.' })
  async match(@Root() record: LearningRecord, @Ctx() ctx: Context): Promise<PersonMatch> {
    return toPersonMatch(required(await ctx.loaders.identity.person.load(record.personLocalId), `person ${record.personLocalId}`));
  }

  @FieldResolver(() => [LearningStatusChange], { description: 'Every status the record has had, oldest first.' })
  async statusHistory(@Root() record: LearningRecord, @Ctx() ctx: Context): Promise<LearningStatusChange[]> {
    return (await ctx.loaders.records.statusHistory.load(record.localId)).map(toStatusChange);
  }
}

@Resolver(() => EnrollmentHistoryEntry)
export class EnrollmentHistoryEntryResolver {
  @FieldResolver(() => Enrollment)
  async enrollment(@Root() entry: EnrollmentHistoryEntry, @Ctx() ctx: Context): Promise<Enrollment> {
    return toEnrollment(required(await ctx.loaders.roster.enrollment.load(entry.enrollmentLocalId), `Enrollment ${entry.enrollmentLocalId}`));
  }

  @FieldResolver(() => RosterClass)
  async class(@Root() entry: EnrollmentHistoryEntry, @Ctx() ctx: Context): Promise<RosterClass> {
    return toClass(required(await ctx.loaders.roster.rosterClass.load(entry.classLocalId), `Class ${entry.classLocalId}`));
  }
}

/** The unmatched queue and manual links. */
@Resolver()
export class UnmatchedRecordsResolver {
  @Authorized()
  @Query(() => LearningRecordConnection, { description: 'Records no user is matched to yet (nobody has their identifiers, or several do), newest first.' })
  async unmatchedRecords(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('source', () => String, { nullable: true }) source: string | null,
    @Arg('kinds', () => [LearningKind], { nullable: true }) kinds: LearningKind[] | null,
    @Ctx() ctx: Context,
  ): Promise<LearningRecordConnection> {
    const query = ctx.services.records.records.unmatchedQuery({ source, kinds });
    const result = await fetchPage<HistoryRow>(ctx.db, query, pageWindow(query, page, ctx.config.maxPageSize));
    return toConnection(LearningRecordConnection, result, toLearningRecord, () => countRows(ctx.db, query));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => LearningRecord, {
    description:
      'Says who a record is about: links it, and every record that carried the same identifying values from the same source, to the user, now and for later files. Overrides automatic matching.',
  })
  async linkRecord(@Arg('recordId', () => ID) recordId: string, @Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<LearningRecord> {
    const row = await ctx.services.records.records.linkRecord(recordLocalId(recordId), localIdOf(userId, 'User'));
    return toLearningRecord(row);
  }
}

/** A record's global id, whatever its type. */
export function recordLocalId(globalId: string): string {
  const { type, id } = fromGlobalId(globalId);
  if (!RECORD_TYPE_NAMES.includes(type) || !/^[1-9][0-9]{0,18}$/.test(id)) {
    throw new DomainError('BAD_USER_INPUT', `"${globalId.slice(0, 80)}" is not a learning record id`);
  }
  return id;
}

