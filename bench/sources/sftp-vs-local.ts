/**
 * `npm run bench:sources`: the LMS vendor's month of daily SCORM files (28 files of 100k rows by
 * default), pulled by an SFTP source from a real OpenSSH sshd on 127.0.0.1 and imported, against
 * the same files imported by a local-folder source. Each run gets its own fresh database on one
 * embedded Postgres. Also times a bare download of all files over one SFTP session (transfer
 * MB/s, no import). Prints times, MB/s, rows/s and the SFTP overhead over the local folder.
 *
 *   BENCH_FILES (28) · BENCH_ROWS (100000 per file) · DATABASE_URL=… for a server instead of embedded Postgres
 * Runs as root (the sshd logs in as root with a key, as in the tests).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startRuntime, type Runtime } from '../../src/app/runtime';
import { ApiRole } from '../../src/auth/role';
import { loadConfig } from '../../src/config';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { DEFAULT_SFTP_TUNING, SftpSession } from '../../src/ingest/sftp/sftp-session';
import { createLogger } from '../../src/shared/logger';
import { startSshd, type RunningSshd } from '../../test/support/sshd';

const FILES = Number(process.env['BENCH_FILES'] ?? 28);
const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
const log = createLogger('warn', 'bench');

interface Run {
  readonly seconds: number;
  readonly rows: number;
  readonly files: number;
  readonly failed: number;
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-bench-sources-'));
  chmodSync(tmp, 0o711); // embedded Postgres runs as `postgres` when we are root
  const embedded = process.env['DATABASE_URL'] ? undefined : await startEmbeddedPostgres(path.join(tmp, 'pg'), log);
  const baseUrl = process.env['DATABASE_URL'] ?? embedded!.url;
  const sshd = await startSshd();
  try {
    const folder = path.join(sshd.root.dataDir, 'lms-outbound');
    const bytes = await writeMonth(folder);
    process.stdout.write(`${FILES} SCORM files × ${ROWS.toLocaleString('en')} rows = ${(bytes / 1e6).toFixed(1)} MB\n`);

    const transfer = await downloadAll(sshd, folder);
    process.stdout.write(`download only (one SFTP session, streamed, discarded): ${transfer.toFixed(2)} s, ${(bytes / 1e6 / transfer).toFixed(1)} MB/s\n`);

    const local = await importRun(baseUrl, 'bench_local', tmp, { kind: 'LOCAL_FOLDER', folder });
    report('local folder', local, bytes);
    const sftp = await importRun(baseUrl, 'bench_sftp', tmp, {
      kind: 'SFTP',
      host: sshd.host,
      port: sshd.port,
      username: sshd.root.username,
      privateKey: sshd.root.privateKey,
      hostKeyFingerprint: sshd.hostKeyFingerprint,
      folder,
    });
    report('SFTP', sftp, bytes);
    process.stdout.write(`SFTP / local folder: ${(sftp.seconds / local.seconds).toFixed(3)}× (overhead ${(((sftp.seconds - local.seconds) / local.seconds) * 100).toFixed(1)}%, target < 25%)\n`);
  } finally {
    await sshd.stop();
    await embedded?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function report(label: string, run: Run, bytes: number): void {
  process.stdout.write(
    `${label}: ${run.files} files imported (${run.failed} failed) in ${run.seconds.toFixed(2)} s · ${Math.round(run.rows / run.seconds).toLocaleString('en')} rows/s · ${(bytes / 1e6 / run.seconds).toFixed(1)} MB/s\n`,
  );
}

/** Day -1 back to day -FILES, each its own learners' attempts (no file repeats another's keys). */
async function writeMonth(folder: string): Promise<number> {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder, { recursive: true });
  let total = 0;
  for (let d = 1; d <= FILES; d++) {
    const date = new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
    const file = path.join(folder, `SCORM${date.replace(/-/g, '')}`);
    const out = createWriteStream(file);
    out.write('"username","uniqueid","Date","SCORM Name","Sco Name","Status","Attempt Number","Score"\r\n');
    for (let i = 0; i < ROWS; i++) {
      const n = d * ROWS + i;
      const line = `"learner${n % 20_000}","E-${n % 20_000}","${date}","Course ${n % 40}","SCO ${n % 3}","completed","${n}","${n % 101}"\r\n`;
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    total += statSync(file).size;
  }
  return total;
}

async function downloadAll(sshd: RunningSshd, folder: string): Promise<number> {
  const session = await SftpSession.open({ host: sshd.host, port: sshd.port, username: 'root', privateKey: sshd.root.privateKey, hostKeyFingerprint: sshd.hostKeyFingerprint }, DEFAULT_SFTP_TUNING);
  try {
    const started = process.hrtime.bigint();
    for (const entry of await session.list(folder)) {
      await pipeline(session.read(path.posix.join(folder, entry.name), 0, entry.size - 1), new Writable({ write: (_c, _e, cb) => cb() }));
    }
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await session.close();
  }
}

/** A fresh database, a server with one worker, one source: runSync until every file is imported. */
async function importRun(baseUrl: string, database: string, tmp: string, source: Record<string, unknown>): Promise<Run> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.query(`create database ${database}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: url.toString(),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    WORKER_CONCURRENCY: '1',
    SECRETS_KEY: randomBytes(32).toString('base64'),
    SOURCE_FOLDER_ROOTS: path.dirname(String(source['folder'])),
    DATA_DIR: path.join(tmp, database),
  });
  const runtime = await startRuntime(config, log, { http: true, workerConcurrency: 1 });
  try {
    const key = (await runtime.services.apiKeys.create('bench', ApiRole.ADMIN)).key;
    const gql = graphql(runtime, key);
    const created = (await gql(`mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
      input: { name: database, format: 'LMS', settleSeconds: 1, lookbackDays: FILES + 7, formatOptions: { dateFormats: ['YYYY-MM-DD'] }, ...source },
    })) as { createSource: { id: string } };
    const started = process.hrtime.bigint();
    await gql(`mutation($id: ID!) { runSync(sourceId: $id) { id } }`, { id: created.createSource.id });
    const db = runtime.database.dataSource;
    for (;;) {
      const [row] = (await db.query(`select count(*) filter (where status in ('QUEUED', 'RUNNING'))::int as busy from sync_job`)) as { busy: number }[];
      if (row!.busy === 0) break;
      await sleep(200);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const [counts] = (await db.query(
      `select count(*) filter (where status = 'IMPORTED')::int as files, count(*) filter (where status = 'FAILED')::int as failed from source_file`,
    )) as { files: number; failed: number }[];
    const [records] = (await db.query(`select count(*)::int as n from learning_record`)) as { n: number }[];
    return { seconds, rows: records!.n, files: counts!.files, failed: counts!.failed };
  } finally {
    await runtime.close();
  }
}

function graphql(runtime: Runtime, key: string) {
  return async (query: string, variables: Record<string, unknown>): Promise<unknown> => {
    const res = await fetch(`${runtime.http!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
