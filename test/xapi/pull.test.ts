import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startRuntime, type Runtime } from '../../src/app/runtime';
import { loadConfig } from '../../src/config';
import { ProgressReporter } from '../../src/jobs/progress-reporter';
import { createLogger } from '../../src/shared/logger';
import { pullStatements, XapiPullSourceEntity } from '../../src/xapi/pull';
import { RosterFactory } from '../factories/roster.factory';
import { gid, ok } from '../roster/helpers';
import { testSecretsKey } from '../support/sources';
import { startTestApp, type TestApp } from '../support/app';
import { type LrsClient, lrsClient } from './lrs-client';

const SECRETS_KEY = testSecretsKey();
const COMPLETED = { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } };
const EXPERIENCED = { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } };

const statementFor = (n: number, verb = COMPLETED): Record<string, unknown> => ({
  id: randomUUID(),
  actor: { mbox: 'mailto:kim@example.org' },
  verb,
  object: { objectType: 'Activity', id: `https://remote.example.org/course/${n}`, definition: { name: { 'en-US': `Course ${n}` } } },
  timestamp: `2026-01-${String(n).padStart(2, '0')}T10:00:00Z`,
});

describe('xAPI pull: statements from another LRS (a second server on 127.0.0.1)', () => {
  let remote: TestApp;
  let local: TestApp;
  let remoteLrs: LrsClient;
  let kim: string;
  let sourceId: string;
  /** Replaced when the local server restarts; the database stays. */
  let runtime: Runtime;

  const post = async (body: unknown): Promise<void> => {
    const res = await remoteLrs.request('POST', '/statements', body);
    assert.equal(res.status, 200, await res.clone().text());
  };
  const remoteIds = async (): Promise<string[]> =>
    ((await remote.db.dataSource.query(`select statement_id::text as id from xapi_statement order by id`)) as { id: string }[]).map((r) => r.id);
  const localIds = async (): Promise<string[]> =>
    ((await local.db.dataSource.query(`select statement_id::text as id from xapi_statement order by id`)) as { id: string }[]).map((r) => r.id);
  const watermark = async (): Promise<Date | null> =>
    ((await local.db.dataSource.query(`select watermark from xapi_pull_source where id = $1`, [sourceId])) as { watermark: Date | null }[])[0]?.watermark ?? null;
  const pull = async (params: Record<string, unknown> = {}): Promise<{ status: string; result: Record<string, unknown>; failure: string | null }> => {
    const running = await runtime.runJob({ kind: 'xapi-pull', sourceLabel: 'remote', params: { pullSourceId: sourceId, ...params } });
    const job = await running.finished;
    await runtime.statementRecords?.drained();
    return { status: job.status, result: job.result, failure: job.failureMessage };
  };

  before(async () => {
    remote = await startTestApp({ workerConcurrency: 0 });
    local = await startTestApp({ workerConcurrency: 1, env: { SECRETS_KEY } });
    runtime = local.runtime;
    remoteLrs = await lrsClient(remote, 'ALL');
    const f = new RosterFactory(local.db.dataSource);
    const user = await f.user({ username: 'kim', email: 'kim@example.org' });
    await f.identifiers([{ userId: user.id, kind: 'email', value: 'kim@example.org' }]);
    kim = user.id;
    const created = await local.gql<{ createXapiPullSource: { id: string; endpoint: string; watermark: string | null } }, unknown>(
      `mutation($input: CreateXapiPullSourceInput!) { createXapiPullSource(input: $input) { id endpoint watermark } }`,
      { input: { name: 'remote', endpoint: `${remote.url}/xapi`, username: remoteLrs.keyId, password: remoteLrs.secret, version: '1.0.3', schedule: { cron: '0 * * * *' } } },
    );
    assert.equal(ok(created).createXapiPullSource.watermark, null);
    const [row] = (await local.db.dataSource.query(`select id::text from xapi_pull_source where name = 'remote'`)) as { id: string }[];
    sourceId = row!.id;
  });
  after(async () => {
    await runtime.close();
    await local.db.drop();
    await remote.close();
  });

  it('keeps the password sealed, never in clear', async () => {
    const [row] = (await local.db.dataSource.query(`select password_enc from xapi_pull_source where id = $1`, [sourceId])) as { password_enc: Buffer }[];
    assert.ok(row && !row.password_enc.toString('latin1').includes(remoteLrs.secret));
  });

  it('pulls everything the first time, into our LRS and the learner history, and advances the watermark to consistent-through', async () => {
    for (let n = 1; n <= 3; n++) await post([statementFor(n), statementFor(n + 10, EXPERIENCED)]);
    const before = new Date();
    const job = await pull();
    assert.equal(job.status, 'SUCCEEDED', job.failure ?? '');
    assert.equal(job.result['received'], 6);
    assert.deepEqual(await localIds(), await remoteIds());
    const mark = await watermark();
    assert.ok(mark && mark >= before && mark <= new Date(), `watermark ${mark?.toISOString()} is the remote's consistent-through of this pull`);
    const history = ok(
      await local.gql<{ node: { learningHistory: { nodes: { title: string; status: string }[] } } }, unknown>(
        `query($id: ID!) { node(id: $id) { ... on User { learningHistory(first: 10, kinds: [XAPI_STATEMENT]) { nodes { title status } } } } }`,
        { id: gid('User', kim) },
      ),
    ).node.learningHistory.nodes;
    assert.deepEqual(history.map((h) => h.title), ['Course 3', 'Course 2', 'Course 1']);
  });

  it('pulls only what is new next time, voiding included, with attachments', async () => {
    const [first] = (await local.db.dataSource.query(`select statement_id::text as id from xapi_statement where statement -> 'object' ->> 'id' like '%/course/1'`)) as { id: string }[];
    await post({ actor: { mbox: 'mailto:admin@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: first!.id } });
    const content = Buffer.from('certificate bytes');
    const sha2 = createHash('sha256').update(content).digest('hex');
    const withAttachment = {
      ...statementFor(4),
      attachments: [{ usageType: 'http://example.org/certificate', display: { 'en-US': 'Certificate' }, contentType: 'text/plain', length: content.length, sha2 }],
    };
    const boundary = 'pull-test-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(withAttachment)}\r\n--${boundary}\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha2}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await remoteLrs.request('POST', '/statements', body.toString('latin1'), { 'content-type': `multipart/mixed; boundary=${boundary}` });
    assert.equal(res.status, 200, await res.clone().text());

    const job = await pull();
    assert.equal(job.status, 'SUCCEEDED', job.failure ?? '');
    assert.equal(job.result['received'], 2, 'only the two new statements');
    assert.deepEqual(await localIds(), await remoteIds());
    const voided = (await local.db.dataSource.query(`select voided from xapi_statement where statement_id = $1`, [first!.id])) as { voided: boolean }[];
    assert.deepEqual(voided, [{ voided: true }]);
    const records = (await local.db.dataSource.query(`select count(*)::int as n from learning_record where record_key = $1`, [first!.id])) as { n: number }[];
    assert.equal(records[0]?.n, 0, 'the voided statement’s record is withdrawn');
    const kept = (await local.db.dataSource.query(`select content from xapi_attachment where sha2 = $1`, [sha2])) as { content: Buffer }[];
    assert.equal(kept[0]?.content.toString(), 'certificate bytes', 'attachments travel with their statements');
  });

  it('pulls only the verbs a source filters on', async () => {
    const created = await local.gql<{ createXapiPullSource: { id: string } }, unknown>(
      `mutation($input: CreateXapiPullSourceInput!) { createXapiPullSource(input: $input) { id } }`,
      { input: { name: 'experienced only', endpoint: `${remote.url}/xapi`, username: remoteLrs.keyId, password: remoteLrs.secret, filters: { verb: EXPERIENCED.id } } },
    );
    const queued = ok(await local.gql<{ pullXapiSource: { id: string } }, unknown>(`mutation($id: ID!) { pullXapiSource(id: $id) { id } }`, { id: ok(created).createXapiPullSource.id })).pullXapiSource;
    const JOB = `query($id: ID!) { syncJob(id: $id) { status rowsDone } }`;
    let done = { status: 'QUEUED', rowsDone: 0 };
    for (let i = 0; i < 200 && ['QUEUED', 'RUNNING'].includes(done.status); i++) {
      await sleep(50);
      done = ok(await local.gql<{ syncJob: typeof done }, unknown>(JOB, { id: queued.id })).syncJob;
    }
    assert.equal(done.status, 'SUCCEEDED');
    assert.equal(done.rowsDone, 3, 'the three experienced statements');
  });

  it('resumes after a restart mid-way without gaps or duplicates', async () => {
    for (let n = 5; n <= 9; n++) {
      await post(statementFor(n));
      await sleep(3); // separate `stored` instants, so pages split between them
    }
    const markBefore = await watermark();
    // A pull that dies after its first page of two statements.
    const source = (await local.db.dataSource.getRepository(XapiPullSourceEntity).findOneByOrFail({ id: sourceId })) as XapiPullSourceEntity;
    const abort = new AbortController();
    const progress = new ProgressReporter(local.db.dataSource, '0', () => {});
    await assert.rejects(
      pullStatements(source, runtime.services.xapiPull.remote(source), {
        db: local.db.dataSource,
        store: runtime.services.xapi.statements,
        progress,
        signal: abort.signal,
        pageSize: 2,
        onPage: () => abort.abort(),
      }),
      (e: unknown) => (e as Error).name === 'AbortError',
    );
    const remoteAll = await remoteIds();
    assert.equal((await localIds()).length, remoteAll.length - 3, 'the first page of two is stored, three statements are not');
    const markMid = await watermark();
    assert.ok(markMid && markBefore && markMid > markBefore, 'the watermark moved with the stored page');

    // Restart: a new server process on the same database.
    await runtime.close();
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: local.db.url, LOG_LEVEL: 'silent', SECRETS_KEY });
    runtime = await startRuntime(config, createLogger('silent', 'test'), {
      http: false,
      workerConcurrency: 1,
      database: { dataSource: local.db.dataSource, url: local.db.url, embedded: false, close: async () => {} },
    });
    const job = await pull({ pageSize: 2 });
    assert.equal(job.status, 'SUCCEEDED', job.failure ?? '');
    assert.deepEqual(await localIds(), remoteAll, 'every statement, each once');
    const dupes = (await local.db.dataSource.query(`select count(*)::int as n from xapi_statement`)) as { n: number }[];
    assert.equal(dupes[0]?.n, remoteAll.length);
  });

  it('fails a pull with wrong credentials clearly', async () => {
    const bad = await runtime.services.xapiPull.create({ name: 'wrong', endpoint: `${remote.url}/xapi`, username: remoteLrs.keyId, password: 'nope' });
    const running = await runtime.runJob({ kind: 'xapi-pull', sourceLabel: 'wrong', params: { pullSourceId: bad.id } });
    const done = await running.finished;
    assert.equal(done.status, 'FAILED');
    assert.match(done.failureMessage ?? '', /refused our credentials \(401\)/);
  });
});
