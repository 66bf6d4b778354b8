import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { SOURCE_IMPORT_KIND } from '../../src/sources';
import { startTestApp, type TestApp } from '../support/app';
import { jobsOf, ledger, waitIdle } from '../support/sources';
import { lmsCsv, SCORM_HEADERS } from '../records/lms-files';

const ROWS = 40_000;

/**
 * A worker process killed with SIGKILL in the middle of an import: nothing of its run is
 * applied, another worker notices the missing heartbeat, runs the job again, and the file is
 * imported exactly once.
 */
describe('a worker killed mid-import', () => {
  let app: TestApp;
  const root = mkdtempSync(path.join(os.tmpdir(), 'learngraph-killed-'));
  const drop = path.join(root, 'lms');
  const workers: ChildProcess[] = [];

  const startWorker = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [path.join(__dirname, '../support/worker-process.js')], {
      env: { ...process.env, DATABASE_URL: app.db.url, LOG_LEVEL: 'silent', WORKER_CONCURRENCY: '1', JOB_STALE_SECONDS: '2', SOURCE_FOLDER_ROOTS: root },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    workers.push(child);
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    assert.match(chunk.toString(), /worker ready/);
    return child;
  };

  before(async () => {
    // No worker in the test process: the jobs run only in the child processes.
    app = await startTestApp({ workerConcurrency: 0, env: { SOURCE_FOLDER_ROOTS: root, JOB_STALE_SECONDS: '2' } });
    mkdirSync(drop);
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from({ length: ROWS }, (_, i) => [`learner${i % 500}`, `E-${i % 500}`, day, 'Safeguarding', 'Module 1', 'completed', i, 80]);
    writeFileSync(path.join(drop, `SCORM${day.replace(/-/g, '')}`), lmsCsv(SCORM_HEADERS, rows));
  });
  after(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
    await Promise.all(workers.filter((w) => w.exitCode === null && w.signalCode === null).map((w) => once(w, 'exit')));
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('is run again by another worker and applies the file once', async () => {
    const created = await app.gql<{ createSource: { id: string } }, unknown>(
      `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`,
      { input: { name: 'lms drop', kind: 'LOCAL_FOLDER', format: 'LMS', folder: drop, settleSeconds: 1, formatOptions: { dateFormats: ['YYYY-MM-DD'] } } },
      { role: ApiRole.INTEGRATOR },
    );
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const sourceGid = created.data!.createSource.id;
    const sourceId = Buffer.from(sourceGid, 'base64url').toString('utf8').split(':')[1]!;

    const first = await startWorker();
    const run = await app.gql(`mutation($id: ID!) { runSync(sourceId: $id) { id } }`, { id: sourceGid }, { role: ApiRole.INTEGRATOR });
    assert.equal(run.errors, undefined, JSON.stringify(run.errors));

    // Kill the worker once the import is under way.
    let importJob: { id: string; rows_done: number } | undefined;
    for (let i = 0; i < 600 && !importJob; i++) {
      const rows = (await app.db.dataSource.query(
        `select id::text, rows_done from sync_job where source_id = $1 and kind = $2 and status = 'RUNNING' and rows_done > 0`,
        [sourceId, SOURCE_IMPORT_KIND],
      )) as { id: string; rows_done: number }[];
      importJob = rows[0];
      if (!importJob) await sleep(25);
    }
    assert.ok(importJob, 'the import started');
    first.kill('SIGKILL');
    await once(first, 'exit');
    assert.equal(((await app.db.dataSource.query(`select count(*)::int as n from learning_record`)) as { n: number }[])[0]!.n, 0, 'nothing of the killed run is applied');
    assert.deepEqual((await ledger(app, sourceId)).map((r) => r.status), ['IMPORTING']);

    await startWorker();
    await waitIdle(app, sourceId, 120_000);
    const [job] = await jobsOf(app, sourceId, SOURCE_IMPORT_KIND);
    assert.equal(job?.id, importJob.id, 'the same job, not a new one');
    assert.equal(job?.status, 'SUCCEEDED', job?.failureMessage ?? '');
    assert.equal(job?.attempts, 2);
    assert.deepEqual((await ledger(app, sourceId)).map((r) => [r.status, r.attempts]), [['IMPORTED', 2]]);
    const [records] = (await app.db.dataSource.query(`select count(*)::int as n, count(distinct (person_id, record_key))::int as d from learning_record`)) as {
      n: number;
      d: number;
    }[];
    assert.equal(records?.n, ROWS);
    assert.equal(records?.d, ROWS, 'each attempt once');
  });
});
