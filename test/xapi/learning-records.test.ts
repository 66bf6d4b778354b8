import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { RosterFactory } from '../factories/roster.factory';
import { district12 } from '../oneroster/fixtures';
import { importPackage } from '../oneroster/support';
import { gid, ok } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';
import { type LrsClient, lrsClient } from './lrs-client';

interface Entry {
  __typename: string;
  kind: string;
  source: string;
  title: string;
  status: string;
  statusText: string | null;
  score: number | null;
  occurredAt: string;
  completedAt: string | null;
  statementId?: string;
  verb?: string;
  activityId?: string;
  registration?: string | null;
}

const HISTORY = `query($id: ID!) { node(id: $id) { ... on User { learningHistory(first: 50, kinds: [XAPI_STATEMENT]) { nodes {
  __typename kind source title status statusText score occurredAt completedAt
  ... on XapiStatementRecord { statementId verb activityId registration } } } } } }`;

const VERB = (name: string): { id: string; display: Record<string, string> } => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } });
const ACTIVITY = (slug: string, name?: string): Record<string, unknown> => ({
  objectType: 'Activity',
  id: `https://courses.example.org/${slug}`,
  ...(name ? { definition: { name: { 'en-GB': name } } } : {}),
});

describe('xAPI: stored statements become learning records', () => {
  let app: TestApp;
  let lrs: LrsClient;
  let kim: string;

  const history = async (userId: string): Promise<Entry[]> =>
    ok(await app.gql<{ node: { learningHistory: { nodes: Entry[] } } }, unknown>(HISTORY, { id: gid('User', userId) })).node.learningHistory.nodes;
  const post = async (body: unknown): Promise<string[]> => {
    const res = await lrs.request('POST', '/statements', body);
    assert.equal(res.status, 200, await res.clone().text());
    const ids = (await res.json()) as string[];
    await app.runtime.statementRecords?.drained();
    return ids;
  };

  before(async () => {
    app = await startTestApp({ workerConcurrency: 1 });
    lrs = await lrsClient(app, 'ALL');
    const f = new RosterFactory(app.db.dataSource);
    const user = await f.user({ username: 'kim', email: 'Kim@Example.org' });
    await f.identifiers([
      { userId: user.id, kind: 'username', value: 'kim' },
      { userId: user.id, kind: 'email', value: 'kim@example.org' },
    ]);
    kim = user.id;
  });
  after(() => app.close());

  it('adds outcome statements of a known actor to their history, by mbox, account or hashed mbox, and skips the rest', async () => {
    const registration = randomUUID();
    const [completed, passed, , hashed] = await post([
      { actor: { mbox: 'mailto:KIM@example.org' }, verb: VERB('completed'), object: ACTIVITY('fire-safety', 'Fire Safety'), timestamp: '2026-03-01T10:00:00Z' },
      {
        actor: { account: { homePage: 'https://lms.example.org', name: 'kim' } },
        verb: VERB('passed'),
        object: ACTIVITY('gdpr', 'GDPR basics'),
        result: { score: { scaled: 0.85, raw: 17, max: 20 }, success: true },
        context: { registration },
        timestamp: '2026-03-02T10:00:00Z',
      },
      // Moments inside an attempt: no record.
      { actor: { mbox: 'mailto:kim@example.org' }, verb: VERB('answered'), object: ACTIVITY('gdpr/q1'), timestamp: '2026-03-02T09:59:00Z' },
      {
        actor: { mbox_sha1sum: createHash('sha1').update('mailto:kim@example.org').digest('hex') },
        verb: VERB('failed'),
        object: ACTIVITY('first-aid'),
        result: { score: { raw: 4 } },
        timestamp: '2026-03-03T10:00:00Z',
      },
    ]);
    const entries = await history(kim);
    assert.deepEqual(
      entries.map((e) => [e.__typename, e.kind, e.source, e.title, e.status, e.statusText, e.score, e.occurredAt, e.completedAt, e.statementId]),
      [
        ['XapiStatementRecord', 'XAPI_STATEMENT', 'xapi', 'https://courses.example.org/first-aid', 'FAILED', 'failed', 4, '2026-03-03T10:00:00.000Z', null, hashed],
        ['XapiStatementRecord', 'XAPI_STATEMENT', 'xapi', 'GDPR basics', 'PASSED', 'passed', 85, '2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z', passed],
        ['XapiStatementRecord', 'XAPI_STATEMENT', 'xapi', 'Fire Safety', 'COMPLETED', 'completed', null, '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z', completed],
      ],
    );
    assert.equal(entries[1]?.registration, registration);
    assert.equal(entries[1]?.verb, 'http://adlnet.gov/expapi/verbs/passed');
    assert.equal(entries[1]?.activityId, 'https://courses.example.org/gdpr');
    const items = (await app.db.dataSource.query(`select kind, source_key, name from learning_item where system = 'xapi' order by source_key`)) as unknown[];
    assert.equal(items.length, 3, 'one item per activity with an outcome, none for the answered question');
  });

  it('keeps an unknown actor in the unmatched queue until a roster user with that email arrives', async () => {
    const [id] = await post({ actor: { mbox: 'mailto:ada@school.org', name: 'Ada' }, verb: VERB('attended'), object: ACTIVITY('induction', 'Induction day'), timestamp: '2026-02-01T09:00:00Z' });
    const waiting = await app.gql<{ unmatchedRecords: { nodes: { title: string; status: string }[] } }, unknown>(
      '{ unmatchedRecords(first: 10, source: "xapi") { nodes { title status } } }',
    );
    assert.deepEqual(ok(waiting).unmatchedRecords.nodes, [{ title: 'Induction day', status: 'ATTENDED' }]);

    const roster = await importPackage(app, { path: district12() });
    assert.equal(roster.status, 'SUCCEEDED', roster.failureMessage ?? '');
    const [ada] = (await app.db.dataSource.query(`select id::text from roster_user where username = 'ada'`)) as { id: string }[];
    const entries = await history(ada!.id);
    assert.deepEqual(entries.map((e) => [e.title, e.status, e.statementId]), [['Induction day', 'ATTENDED', id]]);
    const left = await app.gql<{ unmatchedRecords: { nodes: unknown[] } }, unknown>('{ unmatchedRecords(first: 10, source: "xapi") { nodes { title } } }');
    assert.deepEqual(ok(left).unmatchedRecords.nodes, []);
  });

  it('ties an actor no identifier matches to a user through a link key on the actor’s IFI', async () => {
    const actor = { account: { homePage: 'https://authoring.example.org', name: 'learner-7f3a' } };
    const [id] = await post({ actor, verb: VERB('passed'), object: ACTIVITY('linked', 'Linked course'), timestamp: '2026-03-10T10:00:00Z' });
    assert.ok(!(await history(kim)).some((e) => e.statementId === id), 'no identifier names kim');
    const created = await app.gql<{ createLinkKey: { key: string } }, unknown>(`mutation($u: ID!) { createLinkKey(userId: $u) { key } }`, { u: gid('User', kim) });
    const redeemed = await app.gql<{ redeemLinkKey: { externalId: string } }, unknown>(
      `mutation($k: String!, $id: String!) { redeemLinkKey(key: $k, externalSystem: "xapi", externalId: $id) { externalId } }`,
      { k: ok(created).createLinkKey.key, id: 'account:https://authoring.example.org|learner-7f3a' },
    );
    ok(redeemed);
    assert.ok((await history(kim)).some((e) => e.statementId === id), 'the waiting record joined kim');
    const [later] = await post({ actor, verb: VERB('completed'), object: ACTIVITY('linked-2', 'Linked course 2'), timestamp: '2026-03-11T10:00:00Z' });
    assert.ok((await history(kim)).some((e) => e.statementId === later), 'and later statements go straight to kim');
  });

  it('withdraws the record of a voided statement, also when the voiding statement came first', async () => {
    const [target] = await post({ actor: { mbox: 'mailto:kim@example.org' }, verb: VERB('completed'), object: ACTIVITY('to-void', 'Mistake'), timestamp: '2026-04-01T10:00:00Z' });
    assert.ok((await history(kim)).some((e) => e.statementId === target));
    await post({ actor: { mbox: 'mailto:admin@example.org' }, verb: VERB('voided'), object: { objectType: 'StatementRef', id: target } });
    assert.ok(!(await history(kim)).some((e) => e.statementId === target), 'voided: gone from the history');
    const rows = (await app.db.dataSource.query(`select 1 from learning_record where record_key = $1`, [target])) as unknown[];
    assert.equal(rows.length, 0);

    const early = randomUUID();
    await post({ actor: { mbox: 'mailto:admin@example.org' }, verb: VERB('voided'), object: { objectType: 'StatementRef', id: early } });
    await post({ id: early, actor: { mbox: 'mailto:kim@example.org' }, verb: VERB('passed'), object: ACTIVITY('late', 'Late'), timestamp: '2026-04-02T10:00:00Z' });
    assert.ok(!(await history(kim)).some((e) => e.statementId === early), 'a statement voided before it arrived never becomes a record');
  });

  it('writes each statement once however often it is sent or projected', async () => {
    const body = { id: randomUUID(), actor: { mbox: 'mailto:kim@example.org' }, verb: VERB('completed'), object: ACTIVITY('repeat', 'Repeat'), timestamp: '2026-05-01T10:00:00Z' };
    await post(body);
    await post(body);
    await app.db.dataSource.query(`insert into xapi_record_pending select id from xapi_statement where statement_id = $1`, [body.id]);
    await app.runtime.statementRecords?.drained();
    const rows = (await app.db.dataSource.query(`select count(*)::int as n from learning_record where record_key = $1`, [body.id])) as { n: number }[];
    assert.equal(rows[0]?.n, 1);
    const pending = (await app.db.dataSource.query(`select count(*)::int as n from xapi_record_pending`)) as { n: number }[];
    assert.equal(pending[0]?.n, 0);
  });
});
