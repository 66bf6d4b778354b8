import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { startRuntime } from '../../src/app/runtime';
import { ApiRole } from '../../src/auth/role';
import { loadConfig } from '../../src/config';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { SecretBox } from '../../src/shared/secret-box';
import { startTestApp, type TestApp } from '../support/app';
import { createTestDatabase } from '../support/database';
import { startSshd, type RunningSshd } from '../support/sshd';
import { CountingCsvImporter, createImportTable } from '../support/test-importer';
import { createSource, day, jobRow, ledger, put, sftpInput, syncAndWait, testSecretsKey } from '../support/sources';
import {
  CreateSourceDocument,
  type CreateSourceInput,
  DeleteSourceDocument,
  RunSyncDocument,
  SourceDocument,
  SourceNodeDocument,
  SourcesDocument,
  TestSourceDocument,
  UpdateSourceDocument,
} from '../__generated__/graphql';

describe('sources in the graph', () => {
  let sshd: RunningSshd;
  let app: TestApp;
  let drop: string;
  const key = testSecretsKey();
  const importer = new CountingCsvImporter('lms');

  before(async () => {
    sshd = await startSshd({ passwordUser: true });
    drop = mkdtempSync(path.join(os.tmpdir(), 'learngraph-drop-'));
    app = await startTestApp({ importers: [importer], env: { SECRETS_KEY: key, SOURCE_FOLDER_ROOTS: drop } });
    await createImportTable(app.db.dataSource);
  });
  after(async () => {
    await app?.close();
    await sshd?.stop();
    rmSync(drop, { recursive: true, force: true });
  });

  const integrator = { role: ApiRole.INTEGRATOR };
  const passwordSource = (overrides: Partial<CreateSourceInput> = {}): CreateSourceInput => ({
    name: 'EdReflect offboarding',
    kind: 'SFTP',
    format: 'EDREFLECT',
    host: sshd.host,
    port: sshd.port,
    username: sshd.passwordUser!.username,
    password: sshd.passwordUser!.password,
    hostKeyFingerprint: sshd.hostKeyFingerprint,
    folder: sshd.passwordUser!.remoteDir,
    schedule: '30 5 * * *',
    timeZone: 'Europe/London',
    formatOptions: { dateFormat: 'dd/MM/yyyy' },
    ...overrides,
  });

  it('creates, reads, updates and deletes a source, and never returns a secret', async () => {
    const created = await app.gql(CreateSourceDocument, { input: passwordSource() }, integrator);
    assert.equal(created.errors, undefined, JSON.stringify(created.errors));
    const source = created.data!.createSource;
    assert.equal(source.hasPassword, true);
    assert.equal(source.hasPrivateKey, false);
    assert.equal(source.port, sshd.port);
    assert.deepEqual(source.filePatterns, ['*.zip'], 'an EdReflect export is one zip');
    assert.equal(source.lookbackDays, 28);
    assert.equal(source.processedAction, 'LEAVE');
    assert.deepEqual(source.schedule && { cron: source.schedule.cron, timeZone: source.schedule.timeZone }, { cron: '30 5 * * *', timeZone: 'Europe/London' });
    assert.ok(source.schedule?.nextRunAt && new Date(source.schedule.nextRunAt as string) > new Date());

    const read = await app.gql(SourceDocument, { id: source.id }, { role: ApiRole.READER });
    assert.deepEqual(read.data?.source, source);
    const node = await app.gql(SourceNodeDocument, { id: source.id }, { role: ApiRole.READER });
    assert.equal(node.data?.node?.id, source.id);
    const listed = await app.gql(SourcesDocument, { first: 10 }, { role: ApiRole.READER });
    assert.ok(listed.data?.sources.nodes.some((s) => s.id === source.id));

    const updated = await app.gql(UpdateSourceDocument, { id: source.id, input: { lookbackDays: 7, schedule: null } }, integrator);
    assert.equal(updated.errors, undefined, JSON.stringify(updated.errors));
    assert.equal(updated.data?.updateSource.lookbackDays, 7);
    assert.equal(updated.data?.updateSource.schedule, null);
    assert.equal(updated.data?.updateSource.hasPassword, true, 'an omitted secret is kept');

    // Not in any answer, nor anywhere in the schema.
    for (const res of [created, read, node, listed, updated]) {
      const text = JSON.stringify(res);
      assert.ok(!text.includes(sshd.passwordUser!.password), 'the password never comes back');
    }
    const fields = await app.gql(`{ __type(name: "Source") { fields { name } } }`, {}, { role: ApiRole.READER });
    const names = (fields.data as { __type: { fields: { name: string }[] } }).__type.fields.map((f) => f.name);
    assert.deepEqual(names.filter((n) => /^(password|privateKey|privateKeyPassphrase|passphrase)$|Enc$/i.test(n)), []);

    const deleted = await app.gql(DeleteSourceDocument, { id: source.id }, integrator);
    assert.equal(deleted.data?.deleteSource, source.id);
    const gone = await app.gql(SourceDocument, { id: source.id }, { role: ApiRole.READER });
    assert.equal(gone.errors?.[0]?.extensions?.['code'], 'NOT_FOUND');
  });

  it('stores secrets encrypted with SECRETS_KEY (AES-256-GCM), bound to their column', async () => {
    const source = await createSource(app, sftpInput(sshd, 'secret', { name: 'secret keeper', password: 'pw-in-the-clear-123' }));
    const [row] = (await app.db.dataSource.query(`select password_enc, private_key_enc, passphrase_enc from source where id = $1`, [source.localId])) as {
      password_enc: Buffer;
      private_key_enc: Buffer;
    }[];
    const box = new SecretBox(() => Buffer.from(key, 'base64'));
    assert.ok(!row!.password_enc.includes(Buffer.from('pw-in-the-clear-123')));
    assert.ok(!row!.private_key_enc.includes(Buffer.from('OPENSSH PRIVATE KEY')));
    assert.equal(box.open(row!.password_enc, 'source.password'), 'pw-in-the-clear-123');
    assert.equal(box.open(row!.private_key_enc, 'source.private_key'), sshd.root.privateKey);
    assert.throws(() => box.open(row!.password_enc, 'source.private_key'), /Cannot decrypt/);
    const other = new SecretBox(() => Buffer.alloc(32, 7));
    assert.throws(() => other.open(row!.password_enc, 'source.password'), /not the key/);

    const cleared = await app.gql(UpdateSourceDocument, { id: source.id, input: { password: null } }, integrator);
    assert.equal(cleared.data?.updateSource.hasPassword, false);
    assert.equal(cleared.data?.updateSource.hasPrivateKey, true);
  });

  it('validates cron and time zone, patterns, port, fingerprint and folders on save', async () => {
    const cases: [Partial<CreateSourceInput>, string][] = [
      [{ schedule: '61 5 * * *' }, 'schedule.cron'],
      [{ schedule: '0 30 5 * * *' }, 'schedule.cron'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'schedule.timeZone'],
      [{ filePatterns: ['SCORMYYYYMMDDYYYYMMDD'] }, 'filePatterns'],
      [{ filePatterns: ['../SCORMYYYYMMDD'] }, 'filePatterns'],
      [{ filePatterns: [] }, 'filePatterns'],
      [{ hostKeyFingerprint: 'MD5:aa:bb' }, 'hostKeyFingerprint'],
      [{ processedAction: 'ARCHIVE' }, 'archiveFolder'],
      [{ password: null, privateKey: null }, 'password'],
      [{ host: 'bad host name' }, 'host'],
      [{ formatOptions: { invalid: true } }, 'formatOptions'],
    ];
    for (const [overrides, field] of cases) {
      const res = await app.gql(CreateSourceDocument, { input: sftpInput(sshd, 'invalid', { name: `invalid ${field}`, ...overrides }) }, integrator);
      assert.equal(res.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT', `${JSON.stringify(overrides)}: ${JSON.stringify(res.errors)}`);
      assert.equal(res.errors?.[0]?.extensions?.['field'], field, JSON.stringify(res.errors));
    }
    const port = await app.gql(CreateSourceDocument, { input: sftpInput(sshd, 'invalid', { port: 70_000 }) }, integrator);
    assert.equal(port.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');

    const outside = await app.gql(
      CreateSourceDocument,
      { input: { name: 'etc', kind: 'LOCAL_FOLDER', format: 'LMS', folder: '/etc' } },
      integrator,
    );
    assert.equal(outside.errors?.[0]?.extensions?.['field'], 'folder');
    const duplicate = await app.gql(CreateSourceDocument, { input: sftpInput(sshd, 'dup', { name: 'twin' }) }, integrator);
    assert.equal(duplicate.errors, undefined);
    const twin = await app.gql(CreateSourceDocument, { input: sftpInput(sshd, 'dup', { name: 'twin' }) }, integrator);
    assert.equal(twin.errors?.[0]?.extensions?.['code'], 'CONFLICT');
    const normalized = await app.gql(
      CreateSourceDocument,
      { input: sftpInput(sshd, 'norm', { name: 'normalized', schedule: ' 30  5 * *   1-5 ', hostKeyFingerprint: ` ${sshd.hostKeyFingerprint}= ` }) },
      integrator,
    );
    assert.equal(normalized.data?.createSource.schedule?.cron, '30 5 * * 1-5');
    assert.equal(normalized.data?.createSource.hostKeyFingerprint, sshd.hostKeyFingerprint);
  });

  it('lets readers read and only integrators change or run sources', async () => {
    const source = await createSource(app, sftpInput(sshd, 'roles', { name: 'roles' }));
    const reader = { role: ApiRole.READER };
    for (const res of [
      await app.gql(CreateSourceDocument, { input: sftpInput(sshd, 'roles', { name: 'by a reader' }) }, reader),
      await app.gql(UpdateSourceDocument, { id: source.id, input: { lookbackDays: 3 } }, reader),
      await app.gql(DeleteSourceDocument, { id: source.id }, reader),
      await app.gql(TestSourceDocument, { id: source.id }, reader),
      await app.gql(RunSyncDocument, { sourceId: source.id }, reader),
    ]) {
      assert.equal(res.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
    }
    const anonymous = await app.gql(SourceDocument, { id: source.id }, { role: null });
    assert.equal(anonymous.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
  });

  it('sends no credential to a server whose key is not pinned, and shows the key to pin', async () => {
    const source = await createSource(app, sftpInput(sshd, 'unpinned', { name: 'unpinned', hostKeyFingerprint: null }));
    const tested = await app.gql(TestSourceDocument, { id: source.id }, integrator);
    assert.equal(tested.data?.testSource.ok, false);
    assert.equal(tested.data?.testSource.failure?.code, 'NOT_CONFIGURED');
    assert.equal(tested.data?.testSource.presentedHostKeyFingerprint, sshd.hostKeyFingerprint);
    const sync = await syncAndWait(app, source.localId);
    assert.equal(sync.failureCode, 'NOT_CONFIGURED');
    assert.equal(sync.attempts, 1);

    await app.gql(UpdateSourceDocument, { id: source.id, input: { hostKeyFingerprint: tested.data!.testSource.presentedHostKeyFingerprint } }, integrator);
    const pinned = await app.gql(TestSourceDocument, { id: source.id }, integrator);
    assert.equal(pinned.data?.testSource.ok, true);
    assert.equal(pinned.data?.testSource.hostKeyVerified, true);
  });

  it('reports a wrong password as AUTH_FAILED, in testSource and as a failed sync', async () => {
    const good = await app.gql(CreateSourceDocument, { input: passwordSource({ name: 'password ok', format: 'LMS', schedule: null, filePatterns: ['*.csv'] }) }, integrator);
    writeFileSync(path.join(sshd.passwordUser!.localDir, `SCORM${day(-1)}.csv`), 'n\n1,a\n');
    const ok = await app.gql(TestSourceDocument, { id: good.data!.createSource.id }, integrator);
    assert.equal(ok.data?.testSource.ok, true, JSON.stringify(ok));
    assert.deepEqual(ok.data?.testSource.files.map((f) => f.path), [`/upload/SCORM${day(-1)}.csv`]);

    const bad = await createSource(app, passwordSource({ name: 'password wrong', format: 'LMS', schedule: null, password: 'wrong-password' }));
    const tested = await app.gql(TestSourceDocument, { id: bad.id }, integrator);
    assert.equal(tested.data?.testSource.ok, false);
    assert.equal(tested.data?.testSource.failure?.code, 'AUTH_FAILED');
    assert.equal(tested.data?.testSource.hostKeyVerified, false);
    const sync = await syncAndWait(app, bad.localId);
    assert.equal(sync.status, 'FAILED');
    assert.equal(sync.failureCode, 'AUTH_FAILED');
    assert.equal(sync.attempts, 1);
  });

  it('syncs a local drop folder with the same flow, and refuses folders outside SOURCE_FOLDER_ROOTS', async () => {
    const folder = path.join(drop, 'sis');
    mkdirSync(folder);
    const source = await createSource(app, {
      name: 'SIS drop',
      kind: 'LOCAL_FOLDER',
      format: 'LMS',
      folder,
      settleSeconds: 1,
      processedAction: 'ARCHIVE',
      archiveFolder: 'processed',
      formatOptions: { columns: { username: 'Login' } },
    });
    put(folder, `Completion${day(-1)}.csv`, 'n,text\n1,a\n2,b\n', Math.floor(Date.now() / 1000) - 60);
    const sync = await syncAndWait(app, source.localId);
    assert.equal(sync.status, 'SUCCEEDED');
    assert.deepEqual((await ledger(app, source.localId)).map((r) => [r.name, r.status, r.disposition]), [[`Completion${day(-1)}.csv`, 'IMPORTED', 'ARCHIVED']]);
    assert.equal(readFileSync(path.join(folder, 'processed', `Completion${day(-1)}.csv`), 'utf8'), 'n,text\n1,a\n2,b\n');
    assert.deepEqual(importer.lastOptions, { columns: { username: 'Login' } }, 'format options reach the importer');
    const tested = await app.gql(TestSourceDocument, { id: source.id }, integrator);
    assert.equal(tested.data?.testSource.ok, true);
    assert.equal(tested.data?.testSource.hostKeyVerified, false);
    const job = await jobRow(app, sync.id);
    assert.equal(job.result['connectionAttempts'], 1);
  });
});

describe('secrets in the logs', () => {
  it('never writes a password or private key to the log, even at trace level', async () => {
    const sshd = await startSshd({ passwordUser: true });
    const db = await createTestDatabase();
    const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'learngraph-log-')), 'trace.log');
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: db.url, LOG_LEVEL: 'trace', SECRETS_KEY: testSecretsKey() });
    const log = pino({ level: 'trace' }, pino.destination({ dest: logFile, sync: true }));
    const runtime = await startRuntime(config, log, {
      http: true,
      workerConcurrency: 1,
      importers: [new CountingCsvImporter('lms')],
      database: { dataSource: db.dataSource, url: db.url, embedded: false, close: async () => {} },
    });
    const { key } = await runtime.services.apiKeys.create('log test', ApiRole.ADMIN);
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${runtime.http!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: Record<string, { id: string }> };
    };
    const waitIdle = async (localId: string) => {
      for (let i = 0; i < 100; i++) {
        const [row] = (await db.dataSource.query(`select count(*)::int as n from sync_job where source_id = $1 and status in ('QUEUED','RUNNING')`, [localId])) as { n: number }[];
        if (row!.n === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const user = sshd.passwordUser!;
    try {
      const input = { name: 'logged', kind: 'SFTP', format: 'LMS', host: sshd.host, port: sshd.port, username: user.username, password: user.password, hostKeyFingerprint: sshd.hostKeyFingerprint, folder: '/upload', settleSeconds: 0 };
      const statuses: string[] = [];
      for (const [name, password] of [['logged', user.password], ['logged wrong', 'p4ss-w0rd-LOGCHECK']] as const) {
        const created = await gql(`mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`, { input: { ...input, name, password } });
        const id = created.data!['createSource']!.id;
        await gql(`mutation($id: ID!) { testSource(id: $id) { ok } }`, { id });
        await gql(`mutation($id: ID!, $input: UpdateSourceInput!) { updateSource(id: $id, input: $input) { id } }`, {
          id,
          input: { privateKey: sshd.root.privateKey, password: 'an0ther-LOGCHECK', timeZone: 'Nowhere/Never' }, // refused
        });
        await gql(`mutation($id: ID!) { runSync(sourceId: $id) { id } }`, { id });
        const localId = Buffer.from(id, 'base64url').toString().split(':')[1]!;
        assert.equal(toGlobalId('Source', localId), id);
        await waitIdle(localId);
        const [job] = (await db.dataSource.query(`select status, failure_code from sync_job where source_id = $1`, [localId])) as Record<string, string>[];
        statuses.push(`${job?.['status']} ${job?.['failure_code'] ?? ''}`.trim());
      }
      assert.deepEqual(statuses, ['SUCCEEDED', 'FAILED AUTH_FAILED']);
    } finally {
      await runtime.close();
      await db.drop();
      await sshd.stop();
    }
    const text = readFileSync(logFile, 'utf8');
    assert.match(text, /"msg":"sync job finished"/, 'the runtime logged to this file');
    assert.ok(!text.includes('LOGCHECK') && !text.includes(user.password), 'no password in the log');
    assert.ok(!text.includes('OPENSSH PRIVATE KEY') && !text.includes(sshd.root.privateKey.split('\n')[1]!), 'no private key in the log');
    rmSync(path.dirname(logFile), { recursive: true, force: true });
  });
});
