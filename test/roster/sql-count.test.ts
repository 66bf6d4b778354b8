import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RosterFactory } from '../factories/roster.factory';
import { type GraphQLResponse, startTestApp, type TestApp } from '../support/app';
import { AUTH, gid, ok, statements } from './helpers';

const SCHOOLS = 6;
const CLASSES_PER_SCHOOL = 8;
const STUDENTS_PER_CLASS = 12;

const NESTED = `query($n: Int) {
  orgs(first: $n, filter: { system: "big-sis", type: "school" }) { nodes { name
    classes(first: $n) { nodes { title
      enrollments(first: $n) { nodes { role user { givenName familyName } } }
    } }
  } } }`;

const NESTED_WITH_COUNTS = `query($n: Int) {
  orgs(first: $n, filter: { system: "big-sis", type: "school" }) { totalCount nodes { name
    classes(first: $n) { totalCount nodes { title
      enrollments(first: $n) { totalCount nodes { role user { givenName familyName } } }
    } }
  } } }`;

interface Nested {
  orgs: { totalCount?: number; nodes: { classes: { totalCount?: number; nodes: { enrollments: { totalCount?: number; nodes: { user: { givenName: string } }[] } }[] } }[] };
}

describe('roster: SQL statements do not grow with page size (no N+1)', () => {
  let app: TestApp;

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    const f = new RosterFactory(app.db.dataSource, 'big-sis');
    const schools = await f.orgs(SCHOOLS, (i) => ({ name: `School ${i}`, type: 'school' }));
    const course = await f.course({ orgId: schools[0]!.id });
    const classes = await f.classes(SCHOOLS * CLASSES_PER_SCHOOL, (i) => ({
      title: `Class ${String(i).padStart(3, '0')}`,
      schoolId: schools[i % SCHOOLS]!.id,
      courseId: course.id,
    }));
    const students = await f.users(STUDENTS_PER_CLASS * 4, (i) => ({ givenName: `S${i}` }));
    const teachers = await f.users(classes.length, (i) => ({ givenName: `T${i}` }));
    await f.enrollments(classes.length * (STUDENTS_PER_CLASS + 1), (i) => {
      const cls = classes[Math.floor(i / (STUDENTS_PER_CLASS + 1))]!;
      const k = i % (STUDENTS_PER_CLASS + 1);
      return k === STUDENTS_PER_CLASS
        ? { classId: cls.id, schoolId: cls.schoolId, userId: teachers[Math.floor(i / (STUDENTS_PER_CLASS + 1))]!.id, role: 'teacher' }
        : { classId: cls.id, schoolId: cls.schoolId, userId: students[(i * 7) % students.length]!.id };
    });
  });
  after(() => app.close());

  async function measure(query: string, n: number): Promise<{ data: Nested; sql: number }> {
    const res = await app.gql<Nested, unknown>(query, { n });
    return { data: ok(res), sql: statements(res) };
  }

  it('orgs -> classes -> enrollments -> user costs the same for 5 and for 50 per level', async () => {
    const small = await measure(NESTED, 5);
    const large = await measure(NESTED, 50);
    // The page sizes were honoured: 5 x 5 x 5, then everything (6 x 8 x 13).
    assert.equal(small.data.orgs.nodes.length, 5);
    assert.ok(small.data.orgs.nodes.every((o) => o.classes.nodes.length === 5 && o.classes.nodes.every((c) => c.enrollments.nodes.length === 5)));
    assert.equal(large.data.orgs.nodes.length, SCHOOLS);
    const enrollments = large.data.orgs.nodes.flatMap((o) => o.classes.nodes.flatMap((c) => c.enrollments.nodes));
    assert.equal(enrollments.length, SCHOOLS * CLASSES_PER_SCHOOL * (STUDENTS_PER_CLASS + 1));

    assert.equal(small.sql, large.sql);
    // One statement per level: orgs, classes of all orgs, enrollments of all classes, their users.
    assert.equal(large.sql, AUTH + 4);
    assert.ok(large.sql <= AUTH + 4);
  });

  it('with totalCount at every level: one more statement per level, still independent of page size', async () => {
    const small = await measure(NESTED_WITH_COUNTS, 5);
    const large = await measure(NESTED_WITH_COUNTS, 50);
    assert.equal(small.data.orgs.totalCount, SCHOOLS);
    assert.ok(small.data.orgs.nodes.every((o) => o.classes.totalCount === CLASSES_PER_SCHOOL));
    assert.ok(large.data.orgs.nodes.every((o) => o.classes.nodes.every((c) => c.enrollments.totalCount === STUDENTS_PER_CLASS + 1)));
    assert.equal(small.sql, large.sql);
    assert.equal(large.sql, AUTH + 7);
  });

  it('pages one parent\'s nested list through node(id), forwards and backwards, consistently', async () => {
    const [school] = (await app.db.dataSource.query("select id from org where system = 'big-sis' order by name limit 1")) as { id: string }[];
    const id = gid('Org', school!.id);
    const query = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { node(id: $id) { ... on Org {
      classes(first: $first, after: $after, last: $last, before: $before) { nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;
    type Page = { node: { classes: { nodes: { title: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string } } } };
    const forwards: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<Page> = await app.gql<Page, unknown>(query, { id, first: 3, after });
      const page: Page['node']['classes'] = ok(res).node.classes;
      assert.equal(statements(res), AUTH + 2, 'the org, then its page');
      forwards.push(...page.nodes.map((n) => n.title));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const backwards: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: Page['node']['classes'] = ok(await app.gql<Page, unknown>(query, { id, last: 3, before })).node.classes;
      backwards.unshift(...page.nodes.map((n) => n.title));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    assert.equal(forwards.length, CLASSES_PER_SCHOOL);
    assert.deepEqual(forwards, [...forwards].sort());
    assert.deepEqual(backwards, forwards);
  });
});
