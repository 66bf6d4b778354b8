import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EdReflectJobParams } from '../../src/edreflect';
import type { TestApp } from '../support/app';

export interface EdReflectOutcome {
  readonly id: string;
  readonly status: string;
  readonly failureMessage: string | null;
  readonly counts: { added: number; updated: number; deleted: number; unchanged: number; rejected: number };
  readonly tables: Record<string, { added: number; updated: number; deleted: number; unchanged: number; rejected: number }>;
  readonly result: Record<string, unknown>;
  /** `severity code file:line` for every issue, in order. */
  readonly issues: string[];
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `edreflect-${prefix}-`));
}

/** Waits for a queued job to end and reads its outcome. */
export async function outcomeOf(app: TestApp, jobId: string): Promise<EdReflectOutcome> {
  for (let i = 0; i < 1200; i++) {
    const row = ((await app.db.dataSource.query(`select * from sync_job where id = $1`, [jobId])) as Record<string, unknown>[])[0] as Record<string, unknown>;
    if (['SUCCEEDED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED'].includes(String(row['status']))) {
      const issues = (await app.db.dataSource.query(`select severity, code, file, line from sync_job_issue where job_id = $1 order by id`, [jobId])) as {
        severity: string;
        code: string;
        file: string | null;
        line: number | null;
      }[];
      return {
        id: jobId,
        status: String(row['status']),
        failureMessage: row['failure_message'] as string | null,
        counts: { added: row['added'] as number, updated: row['updated'] as number, deleted: row['deleted'] as number, unchanged: row['unchanged'] as number, rejected: row['rejected'] as number },
        tables: (row['entity_counts'] ?? {}) as EdReflectOutcome['tables'],
        result: (row['result'] ?? {}) as Record<string, unknown>,
        issues: issues.map((i) => `${i.severity} ${i.code} ${i.file ?? ''}:${i.line ?? ''}`),
      };
    }
    await sleep(50);
  }
  throw new Error(`job ${jobId} did not finish`);
}

/** Queues an EdReflect import on the test app's worker and waits for it. */
export async function importExport(app: TestApp, params: Partial<EdReflectJobParams> & { path: string }): Promise<EdReflectOutcome> {
  const job = await app.runtime.services.syncJobs.enqueue({ kind: 'edreflect', sourceLabel: path.basename(params.path), params: { ...params } });
  return outcomeOf(app, job.id);
}

/** The stored rows of a system as `table/rowId → values`, for comparing whole states. */
export async function storedState(app: TestApp, system = 'default'): Promise<Map<string, string>> {
  const rows = (await app.db.dataSource.query(`select table_name, row_id, "values" from edreflect_row where system = $1 order by table_name, row_id`, [system])) as {
    table_name: string;
    row_id: string;
    values: Record<string, string>;
  }[];
  return new Map(rows.map((r) => [`${r.table_name}/${r.row_id}`, JSON.stringify(r.values)]));
}

export async function tableCounts(app: TestApp, system = 'default'): Promise<Record<string, number>> {
  const rows = (await app.db.dataSource.query(`select table_name, count(*)::int as n from edreflect_row where system = $1 group by table_name`, [system])) as { table_name: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.table_name, r.n]));
}
