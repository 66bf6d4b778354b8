import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestApp } from '../support/app';
import type { OneRosterJobParams } from '../../src/roster/oneroster/oneroster.job';

/** The shared sample folder, beside the project (never copied into it). */
export const SAMPLES = path.resolve(__dirname, '../../../../shared/samples/oneroster');

export interface JobOutcome {
  readonly id: string;
  readonly status: string;
  readonly failureCode: string | null;
  readonly failureMessage: string | null;
  readonly counts: { added: number; updated: number; deleted: number; unchanged: number; rejected: number; warnings: number };
  readonly entities: Record<string, { added: number; updated: number; deleted: number; unchanged: number; rejected: number }>;
  readonly result: Record<string, unknown>;
  /** `severity code file:line column` for every issue, in order. */
  readonly issues: string[];
}

/** Queues a OneRoster import on the test app's worker and waits for it to finish. */
export async function importPackage(app: TestApp, params: Partial<OneRosterJobParams> & { path: string }): Promise<JobOutcome> {
  const job = await app.runtime.services.syncJobs.enqueue({ kind: 'oneroster', sourceLabel: path.basename(params.path), params: { ...params } });
  for (let i = 0; i < 600; i++) {
    const rows = (await app.db.dataSource.query(`select * from sync_job where id = $1`, [job.id])) as Record<string, unknown>[];
    const row = rows[0] as Record<string, unknown>;
    if (['SUCCEEDED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED'].includes(String(row['status']))) {
      const issues = (await app.db.dataSource.query(
        `select severity, code, file, line, "column" from sync_job_issue where job_id = $1 order by id`,
        [job.id],
      )) as { severity: string; code: string; file: string | null; line: number | null; column: string | null }[];
      return {
        id: job.id,
        status: String(row['status']),
        failureCode: row['failure_code'] as string | null,
        failureMessage: row['failure_message'] as string | null,
        counts: {
          added: row['added'] as number,
          updated: row['updated'] as number,
          deleted: row['deleted'] as number,
          unchanged: row['unchanged'] as number,
          rejected: row['rejected'] as number,
          warnings: row['warnings'] as number,
        },
        entities: row['entity_counts'] as JobOutcome['entities'],
        result: row['result'] as Record<string, unknown>,
        issues: issues.map((i) => `${i.severity} ${i.code} ${i.file ?? ''}:${i.line ?? ''} ${i.column ?? ''}`.trim()),
      };
    }
    await sleep(50);
  }
  throw new Error(`job ${job.id} did not finish`);
}

/**
 * Issues grouped as `SEVERITY code file column: lines`, sorted: compact enough to assert a
 * defective sample's every diagnostic exactly.
 */
export function summarize(issues: readonly string[]): string[] {
  const groups = new Map<string, number[]>();
  for (const issue of issues) {
    const [severity, code, place, column] = issue.split(' ');
    const [file, line] = (place ?? '').split(':');
    const key = `${severity} ${code} ${file}${column ? ` ${column}` : ''}`;
    const lines = groups.get(key) ?? [];
    if (line) lines.push(Number(line));
    groups.set(key, lines);
  }
  return [...groups].map(([key, lines]) => (lines.length ? `${key}: ${lines.sort((a, b) => a - b).join(',')}` : key)).sort();
}

/** Entity counts without the zeros: `{ users: { added: 6 } }`. */
export function nonZero(entities: JobOutcome['entities']): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [entity, counts] of Object.entries(entities)) {
    const kept = Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
    if (Object.keys(kept).length) out[entity] = kept;
  }
  return out;
}
