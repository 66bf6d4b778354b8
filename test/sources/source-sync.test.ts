import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { SOURCE_IMPORT_KIND, SOURCE_SYNC_KIND } from '../../src/sources';
import { startTestApp, type TestApp } from '../support/app';
import { startSshd, type RunningSshd } from '../support/sshd';
import { CountingCsvImporter, SpoolingCsvImporter, createImportTable, importedFiles, numberedCsv } from '../support/test-importer';
import { createSource, day, jobRow, jobsOf, ledger, put, sftpInput, syncAndWait, testSecretsKey, waitIdle } from '../support/sources';
import { RunSyncDocument, SourceSyncJobsDocument, TestSourceDocument } from '../__generated__/graphql';

const now = () => Math.floor(Date.now() / 1000);

describe('source syncs over real SFTP', () => {
  let sshd: RunningSshd;
  let app: TestApp;
  const importer = new CountingCsvImporter('lms');
  const spooling = new SpoolingCsvImporter('edreflect');

  before(async () => {
    sshd = await startSshd();
    app = await startTestApp({ importers: [importer, spooling], env: { SECRETS_KEY: testSecretsKey() } });
    await createImportTable(app.db.dataSource);
  });
  after(async () => {
    await app?.close();
    await sshd?.stop();
  });

  /** What the importer applied for a source, oldest first. */
  const importsOf = async (source: { localId: string }) => (await importedFiles(app.db.dataSource)).filter((f) => f.sourceId === source.localId);

  it('waits until two listings agree on a growing file’s size, then imports it once', async () => {
    const source = await createSource(app, sftpInput(sshd, 'growing'));
    const dir = path.join(sshd.root.dataDir, 'growing');
    const name = `SCORM${day(-1)}`;
    put(dir, name, numberedCsv(10), now() - 60);

    const first = await syncAndWait(app, source.localId);
    assert.equal(first.status, 'SUCCEEDED');
    assert.equal(first.result['waitingForStableSize'], 1);
    assert.deepEqual((await ledger(app, source.localId)).map((r) => r.status), ['SEEN']);

    appendFileSync(path.join(dir, name), '11,still writing\n'); // the vendor is still uploading
    await syncAndWait(app, source.localId);
    assert.deepEqual((await ledger(app, source.localId)).map((r) => r.status), ['SEEN'], 'a changed size starts the wait again');
    assert.deepEqual(await importsOf(source), []);

    await syncAndWait(app, source.localId);
    const rows = await ledger(app, source.localId);
    assert.deepEqual(rows.map((r) => [r.status, r.size]), [['IMPORTED', readFileSync(path.join(dir, name)).length]]);
    assert.deepEqual((await importsOf(source)).map((f) => f.lines), [11]);
  });

  it('catches up three missed days in business-date order, as three separate imports, one at a time', async () => {
    const source = await createSource(app, sftpInput(sshd, 'catchup', { settleSeconds: 1 }));
    const dir = path.join(sshd.root.dataDir, 'catchup');
    // Written newest day first, with mtimes the other way round: order must come from the names.
    const names = [-1, -2, -3].map((d) => `Completion${day(d)}`);
    names.forEach((name, i) => put(dir, name, numberedCsv(3 + i), now() - 600 + i * 60));

    const started = Date.now();
    const sync = await syncAndWait(app, source.localId);
    const elapsed = Date.now() - started;
    assert.equal(sync.status, 'SUCCEEDED');
    assert.equal(sync.result['readyToImport'], 3);

    const applied = await importsOf(source);
    assert.deepEqual(
      applied.map((f) => f.businessDate),
      [day(-3, '-'), day(-2, '-'), day(-1, '-')],
    );
    assert.equal(new Set(applied.map((f) => f.jobId)).size, 3, 'one import job per file');
    const imports = await jobsOf(app, source.localId, SOURCE_IMPORT_KIND);
    assert.deepEqual(imports.map((j) => j.status), ['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    for (let i = 1; i < imports.length; i++) {
      assert.ok(imports[i]!.startedAt! >= imports[i - 1]!.finishedAt!, 'imports of one source never overlap');
    }
    assert.deepEqual(imports.map((j) => j.sourceLabel), names.slice().reverse().map((n) => `${source.name}: ${n}`));

    const listed = await app.gql(SourceSyncJobsDocument, { id: source.id, first: 10 }, { role: ApiRole.READER });
    assert.deepEqual(listed.data?.source.syncJobs.nodes.map((j) => j.kind), [SOURCE_IMPORT_KIND, SOURCE_IMPORT_KIND, SOURCE_IMPORT_KIND, SOURCE_SYNC_KIND]);
    console.log(`  measured: sync of 3 new files (1 s settle) end to end ${elapsed} ms`);
  });

  it('never imports the same file twice, even with a new mtime; new bytes under the same name are new', async () => {
    const source = await createSource(app, sftpInput(sshd, 'twice'));
    const dir = path.join(sshd.root.dataDir, 'twice');
    const name = `Quiz${day(-1)}.csv`;
    const file = put(dir, name, numberedCsv(5), now() - 120);
    await syncAndWait(app, source.localId);
    await syncAndWait(app, source.localId);
    assert.equal((await importsOf(source)).length, 1);

    utimesSync(file, now() - 30, now() - 30); // touched: same bytes, new mtime
    const touched = await syncAndWait(app, source.localId); // seen
    await syncAndWait(app, source.localId); // stable: hashed, found to be the same bytes
    const again = await syncAndWait(app, source.localId);
    assert.equal(touched.status, 'SUCCEEDED');
    assert.equal(again.result['readyToImport'], 0);
    console.log(`  measured: a sync with nothing new (list, ledger, no import) ran ${again.finishedAt!.getTime() - again.startedAt!.getTime()} ms`);
    assert.equal((await importsOf(source)).length, 1, 'the touched file was not imported again');
    assert.deepEqual((await ledger(app, source.localId)).map((r) => r.status), ['IMPORTED', 'DUPLICATE']);

    put(dir, name, numberedCsv(5).replace('5,x', '5,y'), now() - 10); // same size, other bytes
    await syncAndWait(app, source.localId);
    await syncAndWait(app, source.localId);
    assert.equal((await importsOf(source)).length, 2, 'corrected content is a new file');
  });

  it('leaves files older than the lookback window alone', async () => {
    const source = await createSource(app, sftpInput(sshd, 'window', { lookbackDays: 5 }));
    const dir = path.join(sshd.root.dataDir, 'window');
    put(dir, `SCORM${day(-10)}`, numberedCsv(1), now() - 60);
    put(dir, `SCORM${day(-2)}`, numberedCsv(1), now() - 60);
    await syncAndWait(app, source.localId);
    const sync = await syncAndWait(app, source.localId);
    assert.equal(sync.result['outsideWindow'], 1);
    assert.deepEqual((await ledger(app, source.localId)).map((r) => r.name), [`SCORM${day(-2)}`]);
    assert.deepEqual((await importsOf(source)).map((f) => f.name), [`SCORM${day(-2)}`]);
  });

  it('archives or deletes a file once it is imported', async () => {
    const archiving = await createSource(app, sftpInput(sshd, 'archiving', { processedAction: 'ARCHIVE', archiveFolder: 'done', settleSeconds: 1 }));
    const deleting = await createSource(app, sftpInput(sshd, 'deleting', { processedAction: 'DELETE', settleSeconds: 1 }));
    const a = put(path.join(sshd.root.dataDir, 'archiving'), `F2F${day(-1)}`, numberedCsv(2), now() - 60);
    const d = put(path.join(sshd.root.dataDir, 'deleting'), `F2F${day(-1)}`, numberedCsv(2), now() - 60);
    await Promise.all([syncAndWait(app, archiving.localId), syncAndWait(app, deleting.localId)]);

    assert.equal(existsSync(a), false);
    const archived = path.join(sshd.root.dataDir, 'archiving', 'done', `F2F${day(-1)}`);
    assert.equal(readFileSync(archived, 'utf8'), numberedCsv(2));
    assert.deepEqual(
      (await ledger(app, archiving.localId)).map((r) => [r.status, r.disposition, r.archivedPath]),
      [['IMPORTED', 'ARCHIVED', archived]],
    );
    assert.equal(existsSync(d), false);
    assert.deepEqual((await ledger(app, deleting.localId)).map((r) => [r.status, r.disposition]), [['IMPORTED', 'DELETED']]);
  });

  it('lists with testSource what a sync would pick up, with business dates and ledger state', async () => {
    const source = await createSource(
      app,
      sftpInput(sshd, 'tested', { filePatterns: ['SCORMYYYYMMDD', 'F2FYYYYMMDD', 'UNSUPPORTEDYYYYMMDD'], lookbackDays: 7, settleSeconds: 1 }),
    );
    const dir = path.join(sshd.root.dataDir, 'tested');
    put(dir, `F2F${day(-2)}.csv`, numberedCsv(1), now() - 60);
    put(dir, `SCORM${day(-1)}`, numberedCsv(1), now() - 60);
    put(dir, `SCORM${day(-30)}`, numberedCsv(1), now() - 60);
    put(dir, `UNSUPPORTED${day(-1)}`, numberedCsv(1), now() - 60);
    put(dir, 'README.txt', 'not data', now() - 60);
    put(dir, 'SCORM20241399', numberedCsv(1), now() - 60); // no such date

    const view = async () => {
      const res = await app.gql(TestSourceDocument, { id: source.id }, { role: ApiRole.INTEGRATOR });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      return res.data!.testSource;
    };
    const before = await view();
    assert.equal(before.ok, true);
    assert.equal(before.hostKeyVerified, true);
    assert.equal(before.presentedHostKeyFingerprint, sshd.hostKeyFingerprint);
    assert.equal(before.ignoredFileCount, 2);
    assert.deepEqual(
      before.files.map((f) => [f.name, f.businessDate, f.status, f.willImport]),
      [
        [`F2F${day(-2)}.csv`, day(-2, '-'), 'NEW', true],
        [`SCORM${day(-1)}`, day(-1, '-'), 'NEW', true],
        [`SCORM${day(-30)}`, day(-30, '-'), 'OUTSIDE_WINDOW', false],
        [`UNSUPPORTED${day(-1)}`, day(-1, '-'), 'UNSUPPORTED', false],
      ],
    );
    await syncAndWait(app, source.localId);
    const afterSync = await view();
    assert.deepEqual(
      afterSync.files.filter((f) => f.willImport === false).map((f) => [f.name, f.status]),
      [
        [`F2F${day(-2)}.csv`, 'IMPORTED'],
        [`SCORM${day(-1)}`, 'IMPORTED'],
        [`SCORM${day(-30)}`, 'OUTSIDE_WINDOW'],
        [`UNSUPPORTED${day(-1)}`, 'UNSUPPORTED'],
      ],
    );
  });

  it('fails permanently on a host key mismatch: one connection, no retries, a clear message', async () => {
    const wrong = `SHA256:${createHash('sha256').update('another server').digest('base64').replace(/=+$/, '')}`;
    const source = await createSource(app, sftpInput(sshd, 'mitm', { hostKeyFingerprint: wrong }));
    const connections = sshd.connectionCount();
    const started = Date.now();
    const sync = await syncAndWait(app, source.localId);
    assert.equal(sync.status, 'FAILED');
    assert.equal(sync.failureCode, 'HOST_KEY_MISMATCH');
    assert.match(sync.failureMessage!, new RegExp(`presented ${sshd.hostKeyFingerprint.replace(/[+/]/g, '\\$&')} but ${wrong.replace(/[+/]/g, '\\$&')} is pinned`));
    assert.equal(sync.attempts, 1);
    assert.equal(sshd.connectionCount() - connections, 1, 'exactly one TCP connection, no retry');
    assert.ok(Date.now() - started < 5_000);
    const tested = await app.gql(TestSourceDocument, { id: source.id }, { role: ApiRole.INTEGRATOR });
    assert.equal(tested.data?.testSource.ok, false);
    assert.equal(tested.data?.testSource.failure?.code, 'HOST_KEY_MISMATCH');
    assert.equal(tested.data?.testSource.presentedHostKeyFingerprint, sshd.hostKeyFingerprint);
  });

  it('fails a sync of a format that has no importer, before connecting', async () => {
    const source = await createSource(app, sftpInput(sshd, 'ims', { format: 'IMS', name: 'ims feed' }));
    const connections = sshd.connectionCount();
    const sync = await syncAndWait(app, source.localId);
    assert.equal(sync.status, 'FAILED');
    assert.equal(sync.failureCode, 'NOT_CONFIGURED');
    assert.match(sync.failureMessage!, /No importer for format "ims"/);
    assert.equal(sshd.connectionCount(), connections);
  });

  it('runs one sync per source however many runSync calls race', async () => {
    const source = await createSource(app, sftpInput(sshd, 'racing', { settleSeconds: 1 }));
    put(path.join(sshd.root.dataDir, 'racing'), `SCORM${day(-1)}`, numberedCsv(2), now() - 60);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => app.gql(RunSyncDocument, { sourceId: source.id }, { role: ApiRole.INTEGRATOR })),
    );
    const ids = new Set(results.map((r) => r.data?.runSync.id));
    assert.equal(ids.size, 1, 'every caller got the one sync under way');
    await waitIdle(app, source.localId);
    assert.equal((await jobsOf(app, source.localId, SOURCE_SYNC_KIND)).length, 1);
    assert.equal((await importsOf(source)).length, 1);
  });

  it('resumes a download cut mid-stream from where it stopped, without reading a byte twice', async () => {
    const source = await createSource(app, sftpInput(sshd, 'cut', { settleSeconds: 1 }));
    const name = `SCORM${day(-1)}`;
    const content = numberedCsv(300_000, 60); // ~20 MB
    put(path.join(sshd.root.dataDir, 'cut'), name, content, now() - 60);
    let cut = 0;
    importer.onLine = (line, file) => {
      if (file.name === name && line === 2_000 && cut === 0) cut = sshd.signalSessions('SIGKILL');
    };
    const started = Date.now();
    try {
      await syncAndWait(app, source.localId);
    } finally {
      importer.onLine = undefined;
    }
    assert.ok(cut > 0, 'the session was killed');
    const [row] = await ledger(app, source.localId);
    assert.equal(row?.status, 'IMPORTED');
    assert.equal(row?.resumes, 1);
    const sha = createHash('sha256').update(content).digest('hex');
    assert.equal(row?.sha256, sha);
    assert.deepEqual((await importsOf(source)).map((f) => [f.lines, f.sha256]), [[300_000, sha]]);
    const job = await jobRow(app, row!.jobId!);
    assert.equal(job.result['resumes'], 1);
    const mib = content.length / 1024 / 1024;
    console.log(`  measured: ${mib.toFixed(1)} MiB streamed into the importer with one cut and resume: ${Date.now() - started} ms`);
  });

  it('applies nothing when a file changes while it is read, and imports it once it is stable again', async () => {
    const source = await createSource(app, sftpInput(sshd, 'changing', { settleSeconds: 1 }));
    const name = `SCORM${day(-1)}`;
    const file = put(path.join(sshd.root.dataDir, 'changing'), name, numberedCsv(200_000, 60), now() - 60);
    let cut = false;
    importer.onLine = (line, f) => {
      if (f.name === name && line === 1_000 && !cut) {
        cut = true;
        appendFileSync(file, '200001,late line\n');
        sshd.signalSessions('SIGKILL');
      }
    };
    try {
      const sync = await syncAndWait(app, source.localId);
      assert.equal(sync.status, 'SUCCEEDED');
    } finally {
      importer.onLine = undefined;
    }
    const [failedImport] = await jobsOf(app, source.localId, SOURCE_IMPORT_KIND);
    assert.equal(failedImport?.status, 'FAILED');
    assert.match(failedImport?.failureMessage ?? '', /changed while it was being read/);
    assert.deepEqual(await importsOf(source), [], 'nothing of the cut read was applied');
    assert.deepEqual((await ledger(app, source.localId)).map((r) => r.status), ['SEEN']);

    await syncAndWait(app, source.localId);
    assert.deepEqual((await importsOf(source)).map((f) => f.lines), [200_001]);
  });

  it('hands formats that need random access a spooled local copy with its digest, and removes it after', async () => {
    const source = await createSource(app, sftpInput(sshd, 'edreflect', { format: 'EDREFLECT', name: 'edreflect', settleSeconds: 1, filePatterns: ['*.csv'] }));
    const content = numberedCsv(1_000);
    put(path.join(sshd.root.dataDir, 'edreflect'), 'goals.csv', content, now() - 60);
    put(path.join(sshd.root.dataDir, 'edreflect'), 'users.csv', numberedCsv(3), now() - 60);
    const sync = await syncAndWait(app, source.localId);
    assert.equal(sync.status, 'SUCCEEDED');
    assert.deepEqual((await importsOf(source)).map((f) => [f.name, f.lines, f.businessDate]), [['goals.csv', 1_000, null], ['users.csv', 3, null]]);
    const goals = spooling.spooled.find((s) => s.path.endsWith('goals.csv'))!;
    assert.equal(goals.existed, true);
    assert.equal(goals.sha256, createHash('sha256').update(content).digest('hex'));
    assert.equal(existsSync(goals.path), false, 'the local copy was removed');
    assert.deepEqual((await ledger(app, source.localId)).map((r) => [r.name, r.status, r.sha256]).sort(), [
      ['goals.csv', 'IMPORTED', goals.sha256],
      ['users.csv', 'IMPORTED', createHash('sha256').update(numberedCsv(3)).digest('hex')],
    ]);
  });

  it('exposes the ledger as Source.files', async () => {
    const res = await app.gql(
      `query($id: ID!) { source(id: $id) { files(first: 5, status: [IMPORTED]) { totalCount nodes { name status businessDate sha256 job { kind status } } } } }`,
      { id: toGlobalId('Source', (await firstSourceId(app, 'lms catchup'))!) },
      { role: ApiRole.READER },
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const files = (res.data as { source: { files: { totalCount: number; nodes: { name: string; job: { kind: string } }[] } } }).source.files;
    assert.equal(files.totalCount, 3);
    assert.deepEqual(files.nodes.map((f) => f.job.kind), [SOURCE_IMPORT_KIND, SOURCE_IMPORT_KIND, SOURCE_IMPORT_KIND]);
  });
});

async function firstSourceId(app: TestApp, name: string): Promise<string | undefined> {
  const rows = (await app.db.dataSource.query(`select id::text from source where name = $1`, [name])) as { id: string }[];
  return rows[0]?.id;
}
