import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiRole } from '../../src/auth/role';
import { RosterFactory } from '../factories/roster.factory';
import { ok } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';
import { createSource, syncAndWait, testSecretsKey } from '../support/sources';

const IMPORT = `mutation($input: ImportLearningRecordsInput!) { importLearningRecords(input: $input) { id kind status } }`;
const JOB = `query($id: ID!) { syncJob(id: $id) { status counts { added updated unchanged rejected } failure { code message }
  issues(first: 20) { nodes { severity code line column message } } } }`;

interface JobView {
  status: string;
  counts: { added: number; updated: number; unchanged: number; rejected: number };
  failure: { code: string; message: string } | null;
  issues: { nodes: { severity: string; code: string; line: number | null; column: string | null; message: string }[] };
}

const HEADER = 'idempotencyKey,personId,email,itemId,itemTitle,status,score,completedAt,validUntil';

describe('learning records CSV: mutation, CLI, bad rows kept with reasons', () => {
  let app: TestApp;
  const root = mkdtempSync(path.join(os.tmpdir(), 'records-csv-'));
  const write = (name: string, lines: string[]): string => {
    const file = path.join(root, name);
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    return file;
  };
  const finished = async (id: string): Promise<JobView> => {
    for (let i = 0; i < 200; i++) {
      const job = ok(await app.gql<{ syncJob: JobView }, unknown>(JOB, { id })).syncJob;
      if (!['QUEUED', 'RUNNING'].includes(job.status)) return job;
      await sleep(50);
    }
    throw new Error('job did not finish');
  };
  const run = async (input: Record<string, unknown>): Promise<JobView> => {
    const res = await app.gql<{ importLearningRecords: { id: string; kind: string } }, unknown>(IMPORT, { input }, { role: ApiRole.INTEGRATOR });
    assert.equal(ok(res).importLearningRecords.kind, 'learning-records');
    return finished(ok(res).importLearningRecords.id);
  };
  const stored = async (): Promise<{ record_key: string; status: string; user_id: string | null }[]> =>
    (await app.db.dataSource.query(`select record_key, status, user_id::text from learning_record where kind = 'EXTERNAL_RECORD' order by record_key`)) as {
      record_key: string;
      status: string;
      user_id: string | null;
    }[];

  before(async () => {
    app = await startTestApp({ env: { IMPORT_ROOTS: root, SOURCE_FOLDER_ROOTS: root, SECRETS_KEY: testSecretsKey() } });
    const f = new RosterFactory(app.db.dataSource);
    const u = await f.user({ username: 'noor', identifier: 'N1' });
    await f.identifiers([{ userId: u.id, kind: 'identifier', value: 'N1' }]);
  });
  after(async () => {
    rmSync(root, { recursive: true, force: true });
    await app.close();
  });

  it('applies the good rows and keeps each bad one as an issue with its line, column and rule', async () => {
    const file = write('records.csv', [
      HEADER,
      'a1,N1,,FS,Fire safety,completed,90,2026-01-05T10:00:00Z,2027-01-05',
      'a2,,someone@example.org,FS,Fire safety,passed,,2026-01-06,',
      'a3,N1,,FS,Fire safety,top marks,,2026-01-07,',
      'a4,N1,,FS,Fire safety,completed,,05/01/2026,',
      'a5,N1,,,,completed,,2026-01-08,',
      'a6,N1,,FS,Fire safety,attended,lots,2026-01-09,',
    ]);
    const dry = await run({ path: file, system: 'hr', dryRun: true });
    assert.equal(dry.counts.added, 2);
    assert.deepEqual(await stored(), [], 'the dry run applied nothing');

    const job = await run({ path: file, system: 'hr' });
    assert.equal(job.status, 'COMPLETED_WITH_ERRORS', job.failure?.message);
    assert.deepEqual([job.counts.added, job.counts.rejected], [2, 4]);
    assert.deepEqual(
      job.issues.nodes.map((i) => [i.severity, i.code, i.line, i.column]),
      [
        ['ERROR', 'records.status_unknown', 4, 'status'],
        ['ERROR', 'records.date_time', 5, 'completedAt'],
        ['ERROR', 'records.required', 6, 'itemId'],
        ['ERROR', 'records.number', 7, 'score'],
      ],
    );
    assert.deepEqual(
      (await stored()).map((r) => [r.record_key, r.status, r.user_id !== null]),
      [
        ['a1', 'COMPLETED', true],
        ['a2', 'PASSED', false],
      ],
    );
  });

  it('refuses a key the system sent before with other content, and skips a file imported before', async () => {
    const file = write('conflict.csv', [HEADER, 'a1,N1,,FS,Fire safety,failed,10,2026-01-05T10:00:00Z,', 'b1,N1,,GDPR,GDPR,passed,80,2026-02-01,']);
    const job = await run({ path: file, system: 'hr' });
    assert.equal(job.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual(
      job.issues.nodes.map((i) => [i.code, i.line, i.column, i.message]),
      [['records.conflict', 2, 'idempotencyKey', 'idempotencyKey: conflict: the key was received before with other content; send changed content under a new key']],
    );
    assert.equal((await stored()).find((r) => r.record_key === 'a1')?.status, 'COMPLETED', 'not overwritten');
    const again = await run({ path: file, system: 'hr' });
    assert.equal(again.status, 'SUCCEEDED');
    assert.equal(again.counts.added, 0);
  });

  it('fails a file that names no person or no system, applying nothing', async () => {
    const noPerson = await run({ path: write('noperson.csv', ['idempotencyKey,itemId,status,completedAt', 'x1,FS,completed,2026-01-01']), system: 'hr' });
    assert.equal(noPerson.status, 'FAILED');
    assert.match(noPerson.failure?.message ?? '', /personId or an email column/);
    const noSystem = await run({ path: write('nosystem.csv', [HEADER, 'x2,N1,,FS,FS,completed,,2026-01-01,']) });
    assert.equal(noSystem.status, 'FAILED');
    assert.match(noSystem.failure?.message ?? '', /no system column/);
  });

  it('is the `records` format of sources: a drop folder’s CSVs are imported once each', async () => {
    const folder = path.join(root, 'drop');
    mkdirSync(folder);
    const source = await createSource(app, { name: 'HR drop', kind: 'LOCAL_FOLDER', format: 'RECORDS', folder, settleSeconds: 1, formatOptions: { system: 'hr-drop' } });
    const file = write(path.join('drop', 'week1.csv'), [HEADER, 'w1,N1,,FS,Fire safety,completed,,2026-04-01,']);
    const written = Math.floor(Date.now() / 1000) - 60;
    utimesSync(file, written, written);
    const sync = await syncAndWait(app, source.localId);
    assert.equal(sync.status, 'SUCCEEDED', sync.failureMessage ?? '');
    const rows = (await app.db.dataSource.query(`select system, status from learning_record where record_key = 'w1'`)) as unknown[];
    assert.deepEqual(rows, [{ system: 'hr-drop', status: 'COMPLETED' }]);
    await assert.rejects(createSource(app, { name: 'bad', kind: 'LOCAL_FOLDER', format: 'RECORDS', folder, formatOptions: { sytem: 'x' } }));
  });

  it('`learngraph import records` runs in-process and exits 0 or 2', async () => {
    const cli = (args: string[]): Promise<{ code: number | null; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [path.resolve(__dirname, '../../src/main.js'), 'import', 'records', ...args], {
          env: { ...process.env, DATABASE_URL: app.db.url, LOG_LEVEL: 'error' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const good = await cli([write('cli-good.csv', ['system,' + HEADER, 'lms2,c1,N1,,CPR,CPR,attended,,2026-03-01,']), '--system', 'unused']);
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stderr, /SUCCEEDED/);
    const bad = await cli([write('cli-bad.csv', [HEADER, 'c2,N1,,CPR,CPR,maybe,,2026-03-02,']), '--system', 'hr']);
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /line 2, status: status: is not a known status word/);
  });
});
