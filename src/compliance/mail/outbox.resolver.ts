import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiRole } from '../../auth/role';
import { raw, sql } from '../../db/sql';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { toGlobalId } from '../../graphql/relay/global-id';
import { countRows, fetchPage, type ListQuery, pageWindow } from '../../graphql/relay/keyset';
import { PageArgs } from '../../graphql/relay/page-args';
import { LearningRecord, toLearningRecord } from '../../records';
import { required, toUser, User } from '../../roster';
import { ExpiryMailRun, ExpiryNotice, ExpiryNoticeConnection, MailState } from './outbox.types';

interface OutboxRow {
  readonly id: string;
  readonly record_id: string;
  readonly user_id: string;
  readonly threshold_days: number;
  readonly recipient: string;
  readonly state: string;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly next_attempt_at: Date;
  readonly sent_at: Date | null;
  readonly created_at: Date;
}

function toNotice(row: OutboxRow): ExpiryNotice {
  const open = row.state === MailState.PENDING || row.state === MailState.RETRY;
  return Object.assign(new ExpiryNotice(), {
    id: toGlobalId('ExpiryNotice', row.id),
    recordLocalId: row.record_id,
    userLocalId: row.user_id,
    thresholdDays: row.threshold_days,
    recipient: row.recipient,
    state: row.state as MailState,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: open ? row.next_attempt_at : null,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  });
}

@Resolver(() => ExpiryNotice)
export class ExpiryNoticeResolver {
  @Authorized(ApiRole.INTEGRATOR)
  @Query(() => ExpiryNoticeConnection, { description: 'The expiry mail outbox, newest first: what was sent, what waits for a retry and why, what failed for good.' })
  async expiryNotices(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('states', () => [MailState], { nullable: true }) states: MailState[] | null,
    @Ctx() ctx: Context,
  ): Promise<ExpiryNoticeConnection> {
    const query: ListQuery = {
      key: `expiry-notices:${(states ?? []).join(',')}`,
      select: raw('o.id, o.record_id, o.user_id, o.threshold_days, o.recipient, o.state, o.attempts, o.last_error, o.next_attempt_at, o.sent_at, o.created_at'),
      from: raw('compliance_mail_outbox o'),
      where: states && states.length > 0 ? [sql`o.state = any(${states}::text[])`] : [],
      order: [{ expr: 'o.id', direction: 'desc' }],
    };
    const result = await fetchPage<OutboxRow>(ctx.db, query, pageWindow(query, page, ctx.config.maxPageSize));
    return toConnection(ExpiryNoticeConnection, result, toNotice, () => countRows(ctx.db, query));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => ExpiryMailRun, { description: 'Runs the daily expiry mail now: queues due notices and sends what is due. Safe to repeat: nobody is emailed twice.' })
  async runExpiryMail(@Ctx() ctx: Context): Promise<ExpiryMailRun> {
    return Object.assign(new ExpiryMailRun(), await ctx.services.compliance.expiryMail.runNow());
  }

  @FieldResolver(() => User)
  async user(@Root() notice: ExpiryNotice, @Ctx() ctx: Context): Promise<User> {
    return toUser(required(await ctx.loaders.roster.user.load(notice.userLocalId), `User ${notice.userLocalId}`));
  }

  @FieldResolver(() => LearningRecord, { nullable: true, description: 'The record that expires.' })
  async record(@Root() notice: ExpiryNotice, @Ctx() ctx: Context): Promise<LearningRecord | null> {
    const row = await ctx.loaders.records.record.load(notice.recordLocalId);
    return row && toLearningRecord(row);
  }
}
