import 'reflect-metadata';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { createImporters } from '../../src/app/importers';
import { ProgressReporter } from '../../src/jobs/progress-reporter';
import { createLogger } from '../../src/shared/logger';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { AUTH, errorCode, statements } from '../roster/helpers';
import { COURSE_HEADERS, F2F_HEADERS, LmsFolder, SCORM_HEADERS } from './lms-files';
import { histories, records } from './lms-support';

const IMPORT = `mutation($input: ImportLmsFileInput!) { importLmsFile(input: $input) { id status kind sourceLabel } }`;
const JOB = `query($id: ID!) { syncJob(id: $id) { status counts { added rejected warnings } failure { code message } } }`;

interface JobView {
  status: string;
  counts: { added: number; rejected: number; warnings: number };
  failure: { code: string; message: string } | null;
}

describe('LMS import: mutation, upload, folder, CLI and sources', () => {
  let app: TestApp;
  const files = new LmsFolder('entry');

  before(async () => {
    app = await startTestApp({ env: { IMPORT_ROOTS: files.root, MAX_UPLOAD_BYTES: '100000' } });
    const f = new RosterFactory(app.db.dataSource);
    const u = await f.user({ username: 'lee' });
    await f.identifiers([{ userId: u.id, kind: 'identifier', value: 'L1' }]);
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  const finished = async (id: string): Promise<JobView> => {
    for (let i = 0; i < 200; i++) {
      const job = (await app.gql<{ syncJob: JobView }, { id: string }>(JOB, { id })).data?.syncJob;
      if (job && !['QUEUED', 'RUNNING'].includes(job.status)) return job;
      await sleep(50);
    }
    throw new Error('job did not finish');
  };

  it('queues an import of a server path with the source’s options and returns the job at once', async () => {
    const file = files.write('SCORM20250601', ['Login', 'uniqueid', 'Date', 'SCORM Name', 'Status'], [['lee', 'L1', '01/06/2025', 'Safeguarding', 'completed']]);
    const res = await app.gql<{ importLmsFile: { id: string; status: string; kind: string } }, unknown>(
      IMPORT,
      { input: { path: file, columnMap: [{ field: 'USERNAME', headers: ['Login'] }], dateFormats: ['DD/MM/YYYY'] } },
      { role: ApiRole.INTEGRATOR },
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.equal(res.data?.importLmsFile.kind, 'lms');
    assert.equal(statements(res), AUTH + 3, 'the job row (begin, insert, commit); the queue has its own connection');
    const job = await finished(res.data!.importLmsFile.id);
    assert.deepEqual([job.status, job.counts.added], ['SUCCEEDED', 1]);
  });

  it('refuses bad options before queueing anything, and readers altogether', async () => {
    const bad = await app.gql(IMPORT, { input: { path: files.root, dateFormats: ['MM/YY'] } }, { role: ApiRole.INTEGRATOR });
    assert.equal(errorCode(bad), 'BAD_USER_INPUT');
    const outside = await app.gql(IMPORT, { input: { path: '/etc/passwd' } }, { role: ApiRole.INTEGRATOR });
    assert.equal(errorCode(outside), 'FORBIDDEN');
    const reader = await app.gql(IMPORT, { input: { path: files.root } }, { role: ApiRole.READER });
    assert.equal(errorCode(reader), 'FORBIDDEN');
  });

  it('imports an upload kept in Postgres, and a dry run changes nothing', async () => {
    const body = readFileSync(files.write('Completion20250602', COURSE_HEADERS, [['lee', 'L1', '2025-06-02', 'Data Protection']], 'upload'));
    const send = async (input: Record<string, unknown>): Promise<{ data?: { importLmsFile: { id: string } }; errors?: unknown }> => {
      const form = new FormData();
      form.set('operations', JSON.stringify({ query: IMPORT, variables: { input: { ...input, upload: null } } }));
      form.set('map', JSON.stringify({ 0: ['variables.input.upload'] }));
      form.set('0', new Blob([body]), 'Completion20250602');
      const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${app.keys[ApiRole.INTEGRATOR]}`, 'apollo-require-preflight': 'true' }, body: form });
      return (await res.json()) as { data?: { importLmsFile: { id: string } } };
    };
    const dry = await send({ dryRun: true });
    assert.equal((await finished(dry.data!.importLmsFile.id)).counts.added, 1);
    assert.equal((await records(app)).filter((r) => r.item === 'Data Protection').length, 0, 'the dry run applied nothing');
    const real = await send({});
    assert.equal((await finished(real.data!.importLmsFile.id)).status, 'SUCCEEDED');
    assert.equal((await records(app)).filter((r) => r.item === 'Data Protection').length, 1);
    assert.deepEqual(await app.db.dataSource.query(`select count(*)::int as n from stored_upload`), [{ n: 0 }], 'uploads are removed once imported');
  });

  it('imports a folder of daily files alone and in date order, skipping other files', async () => {
    const sub = 'daily';
    files.write('F2F20250612', F2F_HEADERS, [['lee', 'L1', '2025-06-12', 'Manual Handling', 'MH-1', '2025-06-12 10:00', 'Attended']], sub);
    files.write('F2F20250610', F2F_HEADERS, [['lee', 'L1', '2025-06-10', 'Manual Handling', 'MH-1', '2025-06-12 10:00', 'Booked']], sub);
    files.write('notes.txt', ['x'], [], sub);
    const res = await app.gql<{ importLmsFile: { id: string } }, unknown>(IMPORT, { input: { path: path.join(files.root, sub) } }, { role: ApiRole.INTEGRATOR });
    const job = await finished(res.data!.importLmsFile.id);
    assert.equal(job.status, 'SUCCEEDED', job.failure?.message);
    assert.equal(job.counts.warnings, 1, 'notes.txt was skipped with a warning');
    assert.deepEqual((await histories(app))['Manual Handling session:MH-1'], ['BOOKED', 'ATTENDED']);
  });

  it('`learngraph import lms` runs in-process and exits 0, 2 or 1', async () => {
    const cli = (args: string[]): Promise<{ code: number | null; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [path.resolve(__dirname, '../../src/main.js'), 'import', 'lms', ...args], {
          env: { ...process.env, DATABASE_URL: app.db.url, LOG_LEVEL: 'error' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const good = await cli([files.write('Completion20250620', COURSE_HEADERS, [['lee', 'L1', '2025-06-20', 'CLI Course']], 'cli')]);
    assert.equal(good.code, 0, good.stderr);
    assert.match(good.stderr, /SUCCEEDED/);
    const rejected = await cli([files.write('SCORM20250621', SCORM_HEADERS, [['lee', 'L1', 'soon', 'CLI SCORM', '', 'passed', '1', '']], 'cli')]);
    assert.equal(rejected.code, 2, rejected.stderr);
    assert.match(rejected.stderr, /line 2, Date: the date matches none of the date formats/);
    const failed = await cli([files.write('Quiz20250622', ['username'], [['lee']], 'cli')]);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stderr, /lms\.header\.missing/);
  });

  it('is the `lms` importer for sources: accepts the daily names, checks options, imports a spooled file', async () => {
    const importer = createImporters().find((i) => i.format === 'lms') as ReturnType<typeof createImporters>[number] & { validateOptions(o: unknown): void };
    assert.ok(importer && importer.input === 'file');
    assert.deepEqual(
      ['SCORM20250101', 'F2F20250101.csv', 'Quiz20250101', 'Completion20250101', 'PathwayCompletion20250101', 'report.csv', 'SCORM20251301'].map((n) => importer.accepts(n)),
      [true, true, true, true, true, false, false],
    );
    assert.throws(() => importer.validateOptions({ timeZone: 'Nowhere/Land' }), /not an IANA time zone/);
    const file = files.write('Completion20250630', COURSE_HEADERS, [['lee', 'L1', '2025-06-30', 'From SFTP']], 'spool');
    const job = await app.runtime.services.syncJobs.record({ kind: 'source.import', sourceLabel: 'lms-sftp', params: {} });
    const progress = new ProgressReporter(app.db.dataSource, job.id, () => {});
    const sha256 = (await import('node:crypto')).createHash('sha256').update(readFileSync(file)).digest();
    const info = { name: 'Completion20250630', remotePath: '/out/Completion20250630', size: readFileSync(file).length, businessDate: '2025-06-30', sourceId: '1', sourceLabel: 'lms-sftp' };
    await importer.import({ ...info, path: file, sha256 }, {}, { db: app.db.dataSource, log: createLogger('silent'), progress, signal: new AbortController().signal, job });
    await progress.flush();
    assert.equal((await records(app)).filter((r) => r.item === 'From SFTP').length, 1);
  });
});
