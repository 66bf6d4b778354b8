import type { DataSource } from 'typeorm';
import type { IdentityService } from '../../identity';
import { type AppliedLine, applyExternalRecords, EXTERNAL_STAGE_COLUMNS, type ExternalOutcome } from './external-apply';
import { checkExternalRecord, type ExternalRecordFields, type RecordProblem, type ValidExternalRecord } from './external-record';

/** The most records one push may carry. */
export const MAX_PUSH = 1_000;

export interface PushedRecord {
  /** The record's position in the request (0-based). */
  readonly index: number;
  readonly idempotencyKey: string;
  readonly outcome: ExternalOutcome;
  readonly problem: RecordProblem | null;
  readonly reason: string | null;
  readonly recordId: string | null;
  readonly matched: boolean;
}

const STAGE = 'external_push_stage';

/** Columns of the stage filled from JSON, in `jsonb_to_recordset` form. */
const STAGED = `line integer, idempotency_key text, system text, person_id text, email text, record_key text, item_key text, item_title text,
  status text, status_text text, score numeric, occurred_at timestamptz, completed_at timestamptz, valid_until timestamptz, content_hash text, raw jsonb`;
const STAGED_NAMES = STAGED.split(',').map((c) => c.trim().split(/\s+/)[0]).join(', ');

/**
 * Records from systems that speak no xAPI: `push` checks each record on its own (a bad one is
 * REJECTED naming its field, the others go on) and applies the valid ones in one transaction,
 * set-based, in a constant number of statements however many there are.
 */
export class ExternalRecordService {
  constructor(
    private readonly db: DataSource,
    private readonly identity: IdentityService,
  ) {}

  async push(records: readonly ExternalRecordFields[]): Promise<PushedRecord[]> {
    const now = new Date();
    const checked = records.map((r) => checkExternalRecord(r, now));
    const valid: (ValidExternalRecord & { line: number; raw: unknown })[] = [];
    for (const [i, c] of checked.entries()) if (c.ok) valid.push({ ...c.record, line: i + 1, raw: rawOf(records[i] as ExternalRecordFields) });
    let applied = new Map<number, AppliedLine>();
    if (valid.length > 0) {
      applied = await this.db.transaction(async (tx) => {
        await tx.query(`create temp table ${STAGE} (${EXTERNAL_STAGE_COLUMNS}) on commit drop`);
        await tx.query(`insert into ${STAGE} (${STAGED_NAMES}) select * from jsonb_to_recordset($1::jsonb) as x(${STAGED})`, [JSON.stringify(valid)]);
        const outcome = await applyExternalRecords(tx, this.identity, STAGE, null);
        return new Map(outcome.lines.map((l) => [l.line, l]));
      });
    }
    return checked.map((c, index) => {
      const idempotencyKey = String(records[index]?.idempotencyKey ?? '');
      if (!c.ok) return { index, idempotencyKey, outcome: 'REJECTED', problem: c.problem, reason: c.problem.message, recordId: null, matched: false };
      const line = applied.get(index + 1);
      const outcome = line?.outcome ?? 'REJECTED';
      const problem: RecordProblem | null = outcome === 'REJECTED' ? { field: 'idempotencyKey', rule: 'conflict', message: line?.reason ?? 'not applied' } : null;
      return { index, idempotencyKey, outcome, problem, reason: line?.reason ?? null, recordId: line?.record_id ?? null, matched: line?.user_id != null };
    });
  }
}

/** The record as sent, for `learning_record.raw`: dates as ISO text, empty fields left out. */
function rawOf(r: ExternalRecordFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (v !== null && v !== undefined && v !== '') out[k] = v instanceof Date ? v.toISOString() : v;
  return out;
}
