import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiRole } from '../../src/auth/role';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import type { SyncJobEntity } from '../../src/jobs/sync-job.entity';
import type { TestApp } from './app';
import type { RunningSshd } from './sshd';
import { CreateSourceDocument, type CreateSourceInput, RunSyncDocument, type SourceViewFragment } from '../__generated__/graphql';

/** A fresh random SECRETS_KEY for a test file. */
export const testSecretsKey = (): string => randomBytes(32).toString('base64');

/** `YYYYMMDD` of today (UTC) plus `days`. */
export function day(days: number, sep = ''): string {
  const d = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return d.replace(/-/g, sep);
}

/** An SFTP source on the test sshd, logging in as root with its key; `folder` is made under sshd's data dir. */
export function sftpInput(sshd: RunningSshd, folder: string, overrides: Partial<CreateSourceInput> = {}): CreateSourceInput {
  mkdirSync(path.join(sshd.root.dataDir, folder), { recursive: true });
  return {
    name: `lms ${folder}`,
    kind: 'SFTP',
    format: 'LMS',
    host: sshd.host,
    port: sshd.port,
    username: 'root',
    privateKey: sshd.root.privateKey,
    hostKeyFingerprint: sshd.hostKeyFingerprint,
    folder: path.join(sshd.root.dataDir, folder),
    settleSeconds: 0,
    ...overrides,
  };
}

export async function createSource(app: TestApp, input: CreateSourceInput): Promise<SourceViewFragment & { localId: string }> {
  const res = await app.gql(CreateSourceDocument, { input }, { role: ApiRole.INTEGRATOR });
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const source = res.data!.createSource;
  return { ...source, localId: Buffer.from(source.id, 'base64url').toString('utf8').split(':')[1]! };
}

/** Writes a file, optionally with a given mtime (seconds since the epoch). */
export function put(dir: string, name: string, content: string | Buffer, mtime?: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  if (mtime !== undefined) utimesSync(file, mtime, mtime);
  return file;
}

/** Waits until the source has no queued or running job: its sync and every import of the chain are done. */
export async function waitIdle(app: TestApp, sourceId: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = (await app.db.dataSource.query(
      `select count(*)::int as n from sync_job where source_id = $1 and status in ('QUEUED', 'RUNNING')`,
      [sourceId],
    )) as { n: number }[];
    if (rows[0]!.n === 0) return;
    if (Date.now() > until) throw new Error(`source ${sourceId} still busy after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** runSync through the graph, then waits for the whole chain; returns the sync job's row. */
export async function syncAndWait(app: TestApp, sourceId: string): Promise<SyncJobEntity> {
  const res = await app.gql(RunSyncDocument, { sourceId: toGlobalId('Source', sourceId) }, { role: ApiRole.INTEGRATOR });
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  const jobId = Buffer.from(res.data!.runSync.id, 'base64url').toString('utf8').split(':')[1]!;
  await waitIdle(app, sourceId);
  return jobRow(app, jobId);
}

export async function jobRow(app: TestApp, id: string): Promise<SyncJobEntity> {
  const rows = (await app.db.dataSource.query(
    `select id::text, kind, status, source_label as "sourceLabel", params, result, failure_code as "failureCode",
       failure_message as "failureMessage", attempts, started_at as "startedAt", finished_at as "finishedAt"
     from sync_job where id = $1`,
    [id],
  )) as SyncJobEntity[];
  return rows[0]!;
}

/** The source's jobs of a kind, oldest first. */
export async function jobsOf(app: TestApp, sourceId: string, kind: string): Promise<SyncJobEntity[]> {
  const rows = (await app.db.dataSource.query(`select id::text from sync_job where source_id = $1 and kind = $2 order by id`, [sourceId, kind])) as {
    id: string;
  }[];
  return Promise.all(rows.map((r) => jobRow(app, r.id)));
}

export interface LedgerRow {
  readonly name: string;
  readonly status: string;
  readonly size: number;
  readonly resumes: number;
  readonly attempts: number;
  readonly disposition: string | null;
  readonly archivedPath: string | null;
  readonly sha256: string | null;
  readonly jobId: string | null;
}

export async function ledger(app: TestApp, sourceId: string): Promise<LedgerRow[]> {
  return (await app.db.dataSource.query(
    `select name, status, size::int, resumes, attempts, disposition, archived_path as "archivedPath", encode(sha256, 'hex') as sha256,
       job_id::text as "jobId" from source_file where source_id = $1 order by id`,
    [sourceId],
  )) as LedgerRow[];
}
