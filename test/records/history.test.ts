import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { AUTH, gid, ok, statements } from '../roster/helpers';
import { F2F_HEADERS, LmsFolder, QUIZ_HEADERS, SCORM_HEADERS, COURSE_HEADERS } from './lms-files';
import { runLms } from './lms-support';

interface Entry {
  __typename: string;
  kind: string;
  title: string;
  status: string;
  occurredAt: string;
}

interface HistoryPage {
  node: {
    learningHistory: {
      totalCount?: number;
      nodes: Entry[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null };
    };
  };
}

const HISTORY = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $kinds: [LearningKind!], $statuses: [LearningStatus!], $from: DateTimeISO, $to: DateTimeISO) {
  node(id: $id) { ... on User { learningHistory(first: $first, after: $after, last: $last, before: $before, kinds: $kinds, statuses: $statuses, from: $from, to: $to) {
    totalCount nodes { __typename kind title status occurredAt }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;

describe('learner history: one timeline across kinds', () => {
  let app: TestApp;
  const files = new LmsFolder('history');
  let learner: string;
  let others: string[] = [];

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    const f = new RosterFactory(app.db.dataSource);
    const school = await f.org({ name: 'Hill School' });
    const course = await f.course({ title: 'Biology', orgId: school.id });
    const cls = await f.class({ title: 'Biology 7A', courseId: course.id, schoolId: school.id });
    const people = await f.users(21, (i) => ({ username: `p${i}`, identifier: `H${i}` }));
    await f.identifiers(people.map((p, i) => ({ userId: p.id, kind: 'identifier', value: `H${i}` })));
    await f.roles(people.map((p) => ({ userId: p.id, orgId: school.id })));
    learner = people[0]!.id;
    others = people.slice(1).map((p) => p.id);
    await f.enrollments(people.length, (i) => ({ userId: people[i]!.id, classId: cls.id, schoolId: school.id, beginDate: '2025-01-06' }));
    const everyone = (row: (string | number)[]): (string | number)[][] => people.map((_, i) => [`p${i}`, `H${i}`, ...row]);
    await runLms(app, { path: files.write('SCORM20250110', SCORM_HEADERS, everyone(['2025-01-10 09:00', 'Fire Safety', 'SCO', 'passed', '1', '90'])) });
    await runLms(app, { path: files.write('F2F20250110', F2F_HEADERS, everyone(['2025-01-10', 'First Aid', 'S-1', '2025-01-10 09:00', 'attended'])) });
    await runLms(app, { path: files.write('Quiz20250201', QUIZ_HEADERS, everyone(['2025-02-01 12:00', 'GDPR', '1', '70', 'passed'])) });
    await runLms(app, { path: files.write('Completion20250301', COURSE_HEADERS, everyone(['2025-03-01', 'Induction'])) });
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  const history = async (vars: Record<string, unknown>): Promise<{ page: HistoryPage['node']['learningHistory']; sql: number }> => {
    const res = await app.gql<HistoryPage, unknown>(HISTORY, { id: gid('User', learner), ...vars });
    return { page: ok(res).node.learningHistory, sql: statements(res) };
  };

  it('lists every kind newest first, each as its own type; equal times break by id (then kind)', async () => {
    const { page, sql } = await history({ first: 10 });
    assert.deepEqual(
      page.nodes.map((n) => [n.__typename, n.title, n.status, n.occurredAt]),
      [
        ['CourseCompletion', 'Induction', 'COMPLETED', '2025-03-01T00:00:00.000Z'],
        ['QuizAttempt', 'GDPR', 'PASSED', '2025-02-01T12:00:00.000Z'],
        ['FaceToFaceSession', 'First Aid', 'ATTENDED', '2025-01-10T09:00:00.000Z'],
        ['ScormAttempt', 'Fire Safety', 'PASSED', '2025-01-10T09:00:00.000Z'],
        ['EnrollmentHistoryEntry', 'Biology 7A', 'ENROLLED', '2025-01-06T00:00:00.000Z'],
      ],
    );
    assert.equal(page.totalCount, 5);
    assert.equal(sql, AUTH + 3, 'the user, the page, its count');
  });

  it('pages forwards and backwards through the same order, one statement per page', async () => {
    const all = (await history({ first: 10 })).page.nodes.map((n) => n.title);
    const forwards: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { page, sql } = await history({ first: 2, after });
      assert.equal(sql, AUTH + 3);
      forwards.push(...page.nodes.map((n) => n.title));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.deepEqual(forwards, all);
    const backwards: string[] = [];
    let before: string | null = null;
    for (;;) {
      const { page } = await history({ last: 2, before });
      backwards.unshift(...page.nodes.map((n) => n.title));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    assert.deepEqual(backwards, all);
  });

  it('filters by kind, status and time range', async () => {
    const titles = async (vars: Record<string, unknown>): Promise<string[]> => (await history({ first: 10, ...vars })).page.nodes.map((n) => n.title);
    assert.deepEqual(await titles({ kinds: ['ENROLLMENT', 'QUIZ_ATTEMPT'] }), ['GDPR', 'Biology 7A']);
    assert.deepEqual(await titles({ statuses: ['PASSED'] }), ['GDPR', 'Fire Safety']);
    assert.deepEqual(await titles({ from: '2025-01-10T00:00:00Z', to: '2025-02-01T12:00:00Z' }), ['First Aid', 'Fire Safety']);
  });

  it('shows each kind’s own fields, and statuses a booking went through', async () => {
    const res = await app.gql<{ node: { learningHistory: { nodes: Record<string, unknown>[] } } }, unknown>(
      `query($id: ID!) { node(id: $id) { ... on User { learningHistory(first: 10) { nodes {
        __typename
        ... on ScormAttempt { scoName attempt score item { name kind } }
        ... on FaceToFaceSession { sessionId sessionDate statusHistory { status } user { username } }
        ... on QuizAttempt { attempt score match { status method } }
        ... on EnrollmentHistoryEntry { role beginDate class { title } }
      } } } } }`,
      { id: gid('User', learner) },
    );
    const nodes = ok(res).node.learningHistory.nodes;
    assert.deepEqual(nodes.find((n) => n['__typename'] === 'ScormAttempt'), { __typename: 'ScormAttempt', scoName: 'SCO', attempt: 1, score: 90, item: { name: 'Fire Safety', kind: 'SCORM_PACKAGE' } });
    assert.deepEqual(nodes.find((n) => n['__typename'] === 'FaceToFaceSession'), {
      __typename: 'FaceToFaceSession',
      sessionId: 'S-1',
      sessionDate: '2025-01-10T09:00:00.000Z',
      statusHistory: [{ status: 'ATTENDED' }],
      user: { username: 'p0' },
    });
    assert.deepEqual(nodes.find((n) => n['__typename'] === 'QuizAttempt'), { __typename: 'QuizAttempt', attempt: 1, score: 70, match: { status: 'MATCHED', method: 'IDENTIFIER' } });
    assert.deepEqual(nodes.find((n) => n['__typename'] === 'EnrollmentHistoryEntry'), { __typename: 'EnrollmentHistoryEntry', role: 'student', beginDate: '2025-01-06', class: { title: 'Biology 7A' } });
    // user, page, then one batch each: items, status histories, persons, classes (the record's user is the cached one).
    assert.equal(statements(res), AUTH + 2 + 4);
  });

  it('maps entries the same whether a page reads only the plain fields’ columns or every column', async () => {
    const PLAIN = `id __typename kind source title status statusText score occurredAt completedAt validUntil ... on LearningRecord { attempt }`;
    const page = async (extra: string): Promise<Record<string, unknown>[]> =>
      ok(
        await app.gql<{ node: { learningHistory: { nodes: Record<string, unknown>[] } } }, unknown>(
          `query($id: ID!) { node(id: $id) { ... on User { learningHistory(first: 10) { nodes { ${PLAIN} ${extra} } } } } }`,
          { id: gid('User', learner) },
        ),
      ).node.learningHistory.nodes;
    const plain = await page('');
    // A kind's own field (from `details`) makes the page read every column.
    const full = (await page('... on ScormAttempt { scoName }')).map(({ scoName: _, ...rest }) => rest);
    assert.equal(plain.length, 5);
    assert.deepEqual(plain, full);
    assert.deepEqual(
      plain.find((n) => n['__typename'] === 'ScormAttempt'),
      full.find((n) => n['__typename'] === 'ScormAttempt'),
    );
    assert.ok(plain.every((n) => typeof n['id'] === 'string' && n['id'] !== ''));
    assert.equal(plain.find((n) => n['__typename'] === 'ScormAttempt')?.['score'], 90);
  });

  it('serves learning items as nodes with their own batched connections of records', async () => {
    const ITEMS = `query($n: Int) { learningItems(first: 10) { totalCount nodes { id name kind
      records(first: $n) { totalCount nodes { __typename id user { username } } } } } }`;
    type Items = { learningItems: { totalCount: number; nodes: { id: string; name: string; kind: string; records: { totalCount: number; nodes: { __typename: string; id: string }[] } }[] } };
    const small = await app.gql<Items, unknown>(ITEMS, { n: 2 });
    const large = await app.gql<Items, unknown>(ITEMS, { n: 50 });
    const items = ok(large).learningItems;
    assert.deepEqual(items.nodes.map((i) => [i.name, i.kind, i.records.totalCount]), [
      ['Fire Safety', 'SCORM_PACKAGE', 21],
      ['First Aid', 'FACE_TO_FACE_EVENT', 21],
      ['GDPR', 'QUIZ', 21],
      ['Induction', 'COURSE', 21],
    ]);
    assert.ok(ok(small).learningItems.nodes.every((i) => i.records.nodes.length === 2));
    assert.equal(statements(small), statements(large));
    // items + count; records of all items + their counts; their users.
    assert.equal(statements(large), AUTH + 5);
    const record = items.nodes[0]!.records.nodes[0]!;
    const refetched = await app.gql<{ a: { __typename: string; id: string } | null; b: { name: string } | null }, unknown>(
      `query($a: ID!, $b: ID!) { a: node(id: $a) { __typename id } b: node(id: $b) { ... on LearningItem { name } } }`,
      { a: record.id, b: items.nodes[0]!.id },
    );
    assert.deepEqual(ok(refetched), { a: { __typename: 'ScormAttempt', id: record.id }, b: { name: 'Fire Safety' } });
  });

  it('costs the same statements for the learner page whatever the page size', async () => {
    const LEARNER = `query($id: ID!, $n: Int) { node(id: $id) { ... on User { givenName
      learningHistory(first: $n) { nodes { __typename title status occurredAt validUntil ... on LearningRecord { item { name } } } }
      enrollments(first: $n) { nodes { class { title course { title } } } } } } }`;
    const small = await app.gql(LEARNER, { id: gid('User', learner), n: 1 });
    const large = await app.gql(LEARNER, { id: gid('User', learner), n: 50 });
    ok(large);
    assert.equal(statements(small), statements(large));
    // user; history page; enrollments page (with their classes and courses); then the items in one batch.
    assert.equal(statements(large), AUTH + 4);
  });

  it('costs the same statements for an org page of 5 or 20 learners with histories and compliance', async () => {
    const ORG = `query($n: Int) { users(first: $n, orderBy: ID_ASC) { nodes { username
      compliance { status items { status validUntil item { name } } }
      learningHistory(first: 10) { nodes { __typename title status validUntil } } } } }`;
    const five = await app.gql<{ users: { nodes: { learningHistory: { nodes: unknown[] } }[] } }, unknown>(ORG, { n: 5 });
    const twenty = await app.gql<{ users: { nodes: { learningHistory: { nodes: unknown[] } }[] } }, unknown>(ORG, { n: 20 });
    assert.equal(ok(twenty).users.nodes.length, 20);
    assert.ok(ok(twenty).users.nodes.every((u) => u.learningHistory.nodes.length === 5));
    assert.equal(statements(five), statements(twenty));
    // users; compliance of all (items batched with it: none hold a validity period here); histories of all.
    assert.equal(statements(twenty), AUTH + 3);
    assert.ok(others.length === 20);
  });
});
