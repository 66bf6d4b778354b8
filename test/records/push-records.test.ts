import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { RosterFactory } from '../factories/roster.factory';
import { gid, ok, statements } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';

interface Result {
  index: number;
  idempotencyKey: string;
  outcome: string;
  reason: string | null;
  field: string | null;
  rule: string | null;
  recordId: string | null;
  matched: boolean;
}
interface Payload {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: Result[];
}

const PUSH = `mutation($records: [LearningRecordInput!]!) { pushLearningRecords(records: $records) {
  accepted duplicates rejected results { index idempotencyKey outcome reason field rule recordId matched } } }`;

const HISTORY = `query($id: ID!) { node(id: $id) { ... on User { learningHistory(first: 20, kinds: [EXTERNAL_RECORD]) { nodes {
  __typename source title status statusText score occurredAt completedAt validUntil
  ... on ExternalLearningRecord { externalRecordId statusHistory { status } } } } } } }`;

type Input = Record<string, unknown>;
const record = (over: Input = {}): Input => ({
  idempotencyKey: 'k1',
  system: 'hr-elearning',
  personId: 'E100',
  itemId: 'FS-01',
  itemTitle: 'Fire safety',
  status: 'Passed',
  score: 92.5,
  completedAt: '2026-02-10T09:30:00Z',
  validUntil: '2027-02-10',
  ...over,
});

describe('pushLearningRecords: records from systems without xAPI', () => {
  let app: TestApp;
  let sam: string;
  const push = async (records: Input[], role: ApiRole = ApiRole.INTEGRATOR): Promise<{ payload: Payload; sql: number }> => {
    const res = await app.gql<{ pushLearningRecords: Payload }, unknown>(PUSH, { records }, { role });
    return { payload: ok(res).pushLearningRecords, sql: statements(res) };
  };
  const history = async (): Promise<Record<string, unknown>[]> =>
    ok(await app.gql<{ node: { learningHistory: { nodes: Record<string, unknown>[] } } }, unknown>(HISTORY, { id: gid('User', sam) })).node.learningHistory.nodes;

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    const f = new RosterFactory(app.db.dataSource);
    const user = await f.user({ username: 'sam', identifier: 'E100', email: 'sam@example.org' });
    await f.identifiers([
      { userId: user.id, kind: 'identifier', value: 'E100' },
      { userId: user.id, kind: 'email', value: 'sam@example.org' },
    ]);
    sam = user.id;
  });
  after(() => app.close());

  it('accepts valid records, matched or waiting, and rejects bad ones naming the field and rule', async () => {
    const { payload } = await push([
      record(),
      record({ idempotencyKey: 'k2', personId: null, email: 'New.Starter@Example.org', itemId: 'GDPR', itemTitle: null, status: 'in progress', completedAt: null, validUntil: null, occurredAt: '2026-02-11' }),
      record({ idempotencyKey: 'k3', status: 'aced it' }),
      record({ idempotencyKey: 'k4', completedAt: null }),
      record({ idempotencyKey: 'k5', completedAt: '10/02/2026' }),
      record({ idempotencyKey: 'k6', personId: ' ', email: null }),
      record({ idempotencyKey: '' }),
      record({ idempotencyKey: 'k8', status: 'failed', completedAt: '2026-02-10', validUntil: '2027-01-01' }),
    ]);
    assert.deepEqual(
      payload.results.map((r) => [r.index, r.outcome, r.field, r.rule, r.matched]),
      [
        [0, 'ACCEPTED', null, null, true],
        [1, 'ACCEPTED', null, null, false],
        [2, 'REJECTED', 'status', 'status_unknown', false],
        [3, 'REJECTED', 'completedAt', 'required_when_achieved', false],
        [4, 'REJECTED', 'completedAt', 'date_time', false],
        [5, 'REJECTED', 'personId', 'person_required', false],
        [6, 'REJECTED', 'idempotencyKey', 'required', false],
        [7, 'REJECTED', 'validUntil', 'only_when_achieved', false],
      ],
    );
    assert.match(payload.results[2]?.reason ?? '', /^status: is not a known status word/);
    assert.deepEqual([payload.accepted, payload.duplicates, payload.rejected], [2, 0, 6]);
    assert.deepEqual(await history(), [
      {
        __typename: 'ExternalLearningRecord',
        source: 'hr-elearning',
        title: 'Fire safety',
        status: 'PASSED',
        statusText: 'Passed',
        score: 92.5,
        occurredAt: '2026-02-10T09:30:00.000Z',
        completedAt: '2026-02-10T09:30:00.000Z',
        validUntil: '2027-02-10T00:00:00.000Z',
        externalRecordId: 'k1',
        statusHistory: [{ status: 'PASSED' }],
      },
    ]);
    const waiting = ok(await app.gql<{ unmatchedRecords: { nodes: { title: string; status: string }[] } }, unknown>('{ unmatchedRecords(first: 5, source: "hr-elearning") { nodes { title status } } }'));
    assert.deepEqual(waiting.unmatchedRecords.nodes, [{ title: 'GDPR', status: 'IN_PROGRESS' }]);
  });

  it('answers a re-send with the same content as DUPLICATE and other content under the same key as a conflict', async () => {
    const first = (await push([record({ idempotencyKey: 'd1', itemId: 'D' })])).payload.results[0];
    assert.equal(first?.outcome, 'ACCEPTED');
    const { payload } = await push([
      record({ idempotencyKey: 'd1', itemId: 'D' }),
      record({ idempotencyKey: 'd1', itemId: 'D', score: 10 }),
      record({ idempotencyKey: 'd2', itemId: 'D2' }),
      record({ idempotencyKey: 'd2', itemId: 'D2' }),
      record({ idempotencyKey: 'd2', itemId: 'D2', score: 1 }),
    ]);
    assert.deepEqual(
      payload.results.map((r) => [r.outcome, r.field, r.rule]),
      [
        ['DUPLICATE', null, null],
        ['REJECTED', 'idempotencyKey', 'conflict'],
        ['ACCEPTED', null, null],
        ['DUPLICATE', null, null],
        ['REJECTED', 'idempotencyKey', 'conflict'],
      ],
    );
    assert.equal(payload.results[0]?.recordId, first?.recordId, 'a duplicate names the record the key wrote');
    assert.equal(payload.results[3]?.recordId, payload.results[2]?.recordId);
    assert.match(payload.results[1]?.reason ?? '', /^idempotencyKey: conflict: the key was received before with other content/);
    assert.match(payload.results[4]?.reason ?? '', /was given on line 3 with other content/);
    const [stored] = (await app.db.dataSource.query(`select score::float from learning_record where record_key = 'd1'`)) as { score: number }[];
    assert.equal(stored?.score, 92.5, 'the conflicting send changed nothing');
  });

  it('updates one record through its recordId, keeping every status in its history', async () => {
    await push([record({ idempotencyKey: 'r1', recordId: 'R-9', itemId: 'CPR', status: 'booked', completedAt: null, validUntil: null, occurredAt: '2026-03-01' })]);
    await push([record({ idempotencyKey: 'r2', recordId: 'R-9', itemId: 'CPR', status: 'attended', completedAt: '2026-03-05', validUntil: null })]);
    const cpr = (await history()).filter((e) => e['externalRecordId'] === 'R-9');
    assert.equal(cpr.length, 1);
    assert.equal(cpr[0]?.['status'], 'ATTENDED');
    assert.deepEqual(cpr[0]?.['statusHistory'], [{ status: 'BOOKED' }, { status: 'ATTENDED' }]);
  });

  it('costs the same number of SQL statements for 10 records as for 100', async (t) => {
    const batch = (n: number, tag: string): Input[] =>
      Array.from({ length: n }, (_, i) => record({ idempotencyKey: `${tag}-${i}`, personId: i % 2 ? 'E100' : `X${i}`, itemId: `I${i % 7}`, itemTitle: `Item ${i % 7}` }));
    const small = await push(batch(10, 'small'));
    const large = await push(batch(100, 'large'));
    assert.equal(large.payload.accepted, 100);
    t.diagnostic(`SQL statements: ${small.sql} for 10 records, ${large.sql} for 100`);
    assert.equal(large.sql, small.sql, `10 records: ${small.sql} statements, 100: ${large.sql}`);
    assert.ok(large.sql < 30, `${large.sql} statements`);
  });

  it('is for integrators: readers may not push', async () => {
    const res = await app.gql(PUSH, { records: [record({ idempotencyKey: 'reader' })] }, { role: ApiRole.READER });
    assert.equal(res.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
  });
});
