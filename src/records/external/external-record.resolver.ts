import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiRole } from '../../auth/role';
import type { Context } from '../../graphql/context';
import { toGlobalId } from '../../graphql/relay/global-id';
import { DomainError } from '../../shared/domain-error';
import { ExternalLearningRecord } from '../history/history.types';
import { MAX_PUSH } from './external-record.service';
import { LearningRecordInput, PushedLearningRecord, PushLearningRecordsPayload, PushOutcome } from './external-record.types';

@Resolver()
export class ExternalRecordResolver {
  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => PushLearningRecordsPayload, {
    description: `Records from a system that speaks no xAPI, up to ${MAX_PUSH} at once: each is ACCEPTED, a DUPLICATE (same key, same content) or REJECTED with the field and rule at fault; the accepted ones are applied together.`,
  })
  async pushLearningRecords(@Arg('records', () => [LearningRecordInput]) records: LearningRecordInput[], @Ctx() ctx: Context): Promise<PushLearningRecordsPayload> {
    if (records.length > MAX_PUSH) throw new DomainError('BAD_USER_INPUT', `records: at most ${MAX_PUSH} per push (got ${records.length}); send the rest in another`, { field: 'records' });
    const results = await ctx.services.records.external.push(records);
    const payload = new PushLearningRecordsPayload();
    payload.results = results.map((r) =>
      Object.assign(new PushedLearningRecord(), {
        index: r.index,
        idempotencyKey: r.idempotencyKey,
        outcome: r.outcome as PushOutcome,
        reason: r.reason,
        field: r.problem?.field ?? null,
        rule: r.problem?.rule ?? null,
        recordId: r.recordId ? toGlobalId(ExternalLearningRecord.name, r.recordId) : null,
        matched: r.matched,
      }),
    );
    payload.accepted = results.filter((r) => r.outcome === 'ACCEPTED').length;
    payload.duplicates = results.filter((r) => r.outcome === 'DUPLICATE').length;
    payload.rejected = results.filter((r) => r.outcome === 'REJECTED').length;
    return payload;
  }
}
