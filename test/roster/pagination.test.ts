import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { AUTH, errorCode, gid, ok, statements } from './helpers';
import { all, walk } from './paging';

const SYSTEM = 'page-sis';
const USERS = `filter: { system: "${SYSTEM}" }, orderBy: FAMILY_NAME_ASC`;

describe('roster: keyset pagination', () => {
  let app: TestApp;
  let f: RosterFactory;

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    f = new RosterFactory(app.db.dataSource, SYSTEM);
    // Few distinct names, so most of the order rests on the tie-breakers.
    await f.users(60, (i) => ({ familyName: `M${i % 7}`, givenName: `G${i % 3}` }));
    const school = await f.org({ name: 'School' });
    await f.sessions(12, (i) => ({ startDate: `2025-0${(i % 3) + 1}-01`, title: `T${i % 4}` }));
    const courses = await f.courses(12, (i) => ({ orgId: school.id, courseCode: i % 3 === 0 ? null : `C${i % 4}`, title: `Course ${i % 5}` }));
    const classes = await f.classes(12, (i) => ({ schoolId: school.id, courseId: courses[i % 12]!.id, classCode: i % 2 ? null : `K${i % 3}`, title: `Class ${i % 4}` }));
    const users = await f.users(6, (i) => ({ familyName: `E${i % 2}`, system: 'enrolled-sis' }));
    await f.enrollments(24, (i) => ({
      userId: users[i % 6]!.id,
      classId: classes[i % 12]!.id,
      schoolId: school.id,
      beginDate: i % 4 === 0 ? null : `2025-0${(i % 3) + 1}-15`,
    }));
    await f.orgs(12, (i) => ({ name: `Org ${i % 4}`, parentId: school.id }));
  });
  after(() => app.close());

  /** The expected order, straight from SQL: family name, given name, id. */
  async function expectedUsers(): Promise<string[]> {
    const rows = (await app.db.dataSource.query(
      'select id from roster_user where system = $1 and deleted_at is null order by family_name, given_name, id',
      [SYSTEM],
    )) as { id: string }[];
    return rows.map((r) => gid('User', r.id));
  }

  it('reads forwards with no gaps or repeats, in the order SQL gives', async () => {
    const ids = await walk(app, 'users', USERS, 'forward', { size: 7 });
    assert.deepEqual(ids, await expectedUsers());
    assert.equal(ids.length, 60);
  });

  it('reads backwards with no gaps or repeats, in the same order', async () => {
    const ids = await walk(app, 'users', USERS, 'backward', { size: 7 });
    assert.deepEqual(ids, await expectedUsers());
  });

  it('pages forwards through every list in every order exactly as one big page has it', async () => {
    const lists: Record<string, string[]> = {
      orgs: ['NAME_ASC', 'NAME_DESC', 'SOURCED_ID_ASC', 'ID_ASC'],
      academicSessions: ['START_DATE_DESC', 'START_DATE_ASC', 'TITLE_ASC', 'ID_ASC'],
      courses: ['TITLE_ASC', 'COURSE_CODE_ASC', 'ID_ASC'],
      classes: ['TITLE_ASC', 'CLASS_CODE_ASC', 'ID_ASC'],
      users: ['FAMILY_NAME_ASC', 'FAMILY_NAME_DESC', 'GIVEN_NAME_ASC', 'USERNAME_ASC', 'SOURCED_ID_ASC', 'DATE_LAST_MODIFIED_DESC', 'ID_ASC'],
      enrollments: ['FAMILY_NAME_ASC', 'BEGIN_DATE_DESC', 'ID_ASC'],
    };
    for (const [field, orders] of Object.entries(lists)) {
      for (const order of orders) {
        const expected = await all(app, field, `orderBy: ${order}`);
        assert.ok(expected.length >= 12, `${field} has data`);
        assert.equal(new Set(expected).size, expected.length, `${field} ${order}: no repeats`);
        assert.deepEqual(await walk(app, field, `orderBy: ${order}`, 'forward', { size: 5 }), expected, `${field} ${order} forwards`);
        assert.deepEqual(await walk(app, field, `orderBy: ${order}`, 'backward', { size: 5 }), expected, `${field} ${order} backwards`);
      }
    }
  });

  it('keeps its place while rows are inserted between (and during) page requests', async () => {
    const before = await expectedUsers();
    const inserted = { early: [] as string[], late: [] as string[] };
    const more = new RosterFactory(app.db.dataSource, SYSTEM);
    const racing: Promise<unknown>[] = [];
    const between = async (n: number): Promise<void> => {
      // One row before every cursor (never seen forwards), one after all of them (always seen),
      // and a burst tied on the names that is still being written while the next page is read
      // (each row seen or not, depending on its id; never twice).
      const [early, late] = await Promise.all([
        more.user({ familyName: `A${n}`, givenName: 'X' }),
        more.user({ familyName: `Z${String(n).padStart(4, '0')}`, givenName: 'X' }),
      ]);
      inserted.early.push(gid('User', early.id));
      inserted.late.push(gid('User', late.id));
      racing.push(more.users(5, (i) => ({ familyName: `M${(n + i) % 7}`, givenName: `G${i % 3}` })));
    };
    const seen = await walk(app, 'users', USERS, 'forward', { size: 6, between });
    await Promise.all(racing);
    assert.equal(new Set(seen).size, seen.length, 'no repeats');
    for (const id of before) assert.equal(seen.filter((s) => s === id).length, 1, `${id} seen once`);
    for (const id of inserted.late) assert.ok(seen.includes(id), 'rows inserted ahead of the cursor are reached');
    for (const id of inserted.early) assert.ok(!seen.includes(id), 'rows inserted behind the cursor are not');
    // What was read is in list order.
    const order = (await expectedUsers()).filter((id) => seen.includes(id));
    assert.deepEqual(seen, order);
  });

  it('keeps its place backwards while rows are inserted concurrently', async () => {
    const before = await expectedUsers();
    const more = new RosterFactory(app.db.dataSource, SYSTEM);
    const between = (n: number) => more.users(3, (i) => ({ familyName: `M${(n + i) % 7}`, givenName: `G${i}` }));
    const seen = await walk(app, 'users', USERS, 'backward', { size: 8, between });
    assert.equal(new Set(seen).size, seen.length, 'no repeats');
    for (const id of before) assert.ok(seen.includes(id), `${id} seen`);
    assert.deepEqual(seen, (await expectedUsers()).filter((id) => seen.includes(id)));
  });

  it('counts totalCount only when it is selected: one more statement', async () => {
    const filter = 'filter: { system: "enrolled-sis" }';
    const without = await app.gql(`{ users(first: 2, ${filter}) { nodes { id } } }`);
    ok(without);
    assert.equal(statements(without), AUTH + 1);
    const withTotal = await app.gql<{ users: { totalCount: number; nodes: unknown[] } }, unknown>(
      `{ users(first: 2, ${filter}) { totalCount nodes { id } } }`,
    );
    assert.equal(ok(withTotal).users.totalCount, 6);
    assert.equal(ok(withTotal).users.nodes.length, 2);
    assert.equal(statements(withTotal), AUTH + 2);
    const orgs = ok(await app.gql<{ orgs: { totalCount: number } }, unknown>('{ orgs(first: 0) { totalCount } }'));
    assert.equal(orgs.orgs.totalCount, 13);
  });

  it('answers BAD_USER_INPUT for bad cursors and bad page sizes', async () => {
    const page = ok(await app.gql<{ users: { pageInfo: { endCursor: string } } }, unknown>(`{ users(first: 1, ${USERS}) { pageInfo { endCursor } } }`));
    const cursor = page.users.pageInfo.endCursor;
    const orgCursor = ok(await app.gql<{ orgs: { pageInfo: { endCursor: string } } }, unknown>('{ orgs(first: 1) { pageInfo { endCursor } } }')).orgs
      .pageInfo.endCursor;
    const cases: [string, string][] = [
      ['garbage', `{ users(first: 1, after: "not a cursor") { nodes { id } } }`],
      ['base64 of nonsense', `{ users(first: 1, after: "${Buffer.from('[1,2]').toString('base64url')}") { nodes { id } } }`],
      ["another list's cursor", `{ users(first: 1, after: "${orgCursor}") { nodes { id } } }`],
      ["another order's cursor", `{ users(first: 1, after: "${cursor}", orderBy: GIVEN_NAME_ASC) { nodes { id } } }`],
      ['first and last', `{ users(first: 1, last: 1) { nodes { id } } }`],
      ['first above the cap', `{ users(first: 501) { nodes { id } } }`],
      ['negative first', `{ users(first: -1) { nodes { id } } }`],
      ['negative last', `{ orgs(last: -3) { nodes { id } } }`],
      ['nested first and last', `{ orgs(first: 1) { nodes { classes(first: 1, last: 1) { nodes { id } } } } }`],
      ['nested bad cursor', `{ orgs(first: 1) { nodes { users(first: 1, before: "x") { nodes { id } } } } }`],
    ];
    for (const [name, query] of cases) {
      const res = await app.gql(query);
      assert.equal(errorCode(res), 'BAD_USER_INPUT', `${name}: ${JSON.stringify(res.errors)}`);
    }
    // The cursor itself works where it belongs.
    ok(await app.gql(`{ users(first: 1, after: "${cursor}", ${USERS}) { nodes { id } } }`));
  });
});
