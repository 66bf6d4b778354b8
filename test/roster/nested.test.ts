import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { buildDistrict, type District } from './district.fixture';
import { AUTH, gid, ok, statements } from './helpers';

/** Responses are deep and checked by shape below; typing each would only repeat the queries. */
type Json = any;

describe('roster: nested fields, each through a per-request loader', () => {
  let app: TestApp;
  let d: District;

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    d = await buildDistrict(new RosterFactory(app.db.dataSource));
  });
  after(() => app.close());

  async function run(query: string, expectedStatements: number, variables: Record<string, unknown> = {}): Promise<Json> {
    const res = await app.gql<Json, unknown>(query, variables);
    const data = ok(res);
    assert.equal(statements(res), expectedStatements, 'SQL statements');
    return data;
  }

  const names = (connection: { nodes: { [k: string]: unknown }[] }, key: string): unknown[] => connection.nodes.map((n) => n[key]);

  it('org: parent, children, classes (with totalCount), courses, and users through their roles', async () => {
    const data = await run(
      `{ orgs(filter: { type: "school" }, orderBy: NAME_ASC) { nodes { name
          parent { name }
          children { nodes { name } }
          classes { totalCount nodes { title } }
          courses { nodes { title } }
          users { nodes { givenName } }
          teachers: users(filter: { role: "teacher" }) { nodes { givenName } }
        } } }`,
      // orgs, parent, children, classes, classes' count, courses, users, teachers
      AUTH + 8,
    );
    const [bay, hill, vale] = data.orgs.nodes;
    assert.deepEqual([bay.name, hill.name, vale.name], ['Bay School', 'Hill School', 'Vale School']);
    assert.deepEqual([bay.parent.name, hill.parent.name, vale.parent.name], ['South', 'North', 'North']);
    assert.deepEqual(names(hill.children, 'name'), ['Hill Maths']);
    assert.deepEqual(names(bay.children, 'name'), []);
    assert.deepEqual(names(hill.classes, 'title'), ['Algebra A', 'Algebra Homeroom']);
    assert.deepEqual([bay.classes.totalCount, hill.classes.totalCount, vale.classes.totalCount], [1, 2, 1]);
    assert.deepEqual(names(vale.courses, 'title'), ['English']);
    // Alan has two roles at Hill and is listed once; a deleted user and a deleted role are not.
    assert.deepEqual(names(hill.users, 'givenName'), ['Ada', 'Alan']);
    assert.deepEqual(names(hill.teachers, 'givenName'), ['Alan']);
    assert.deepEqual(names(bay.teachers, 'givenName'), []);
    assert.deepEqual(names(vale.users, 'givenName'), ['Grace']);
  });

  it('academic session: parent, children and the classes taught in it', async () => {
    const data = await run(
      `{ academicSessions(filter: { type: "term" }, orderBy: START_DATE_ASC) { nodes { title
          parent { title children { title } }
          classes { nodes { title } }
        } } }`,
      // sessions, parent, parent's children, classes
      AUTH + 4,
    );
    const [autumn, spring] = data.academicSessions.nodes;
    assert.equal(autumn.parent.title, '2025-26');
    assert.deepEqual(autumn.parent.children.map((c: Json) => c.title), ['Autumn', 'Spring']);
    assert.deepEqual(names(autumn.classes, 'title'), ['Algebra A', 'English 1']);
    assert.deepEqual(names(spring.classes, 'title'), ['Algebra Homeroom', 'English 1']);
  });

  it('course: org, school year and classes', async () => {
    const data = await run(
      `{ courses(orderBy: TITLE_ASC) { nodes { title org { name } schoolYear { title } classes { nodes { title } } } } }`,
      // courses, orgs, school years, classes
      AUTH + 4,
    );
    const [algebra, biology, english] = data.courses.nodes;
    assert.deepEqual([algebra.org.name, biology.org.name, english.org.name], ['Hill School', 'Bay School', 'Vale School']);
    assert.deepEqual([algebra.schoolYear?.title, biology.schoolYear, english.schoolYear?.title], ['2025-26', null, '2024-25']);
    assert.deepEqual(names(algebra.classes, 'title'), ['Algebra A', 'Algebra Homeroom']);
  });

  it('class: course, school, terms, enrollments (with their users), teachers and students', async () => {
    const data = await run(
      `{ classes(orderBy: TITLE_ASC) { nodes { title course { title } school { name } terms { title }
          enrollments { nodes { role user { givenName } } }
          teachers { nodes { primary role } }
          students { totalCount }
        } } }`,
      // classes, courses, schools, terms, enrollments, users, teachers, students' page and count
      // (a connection reads its page even when only totalCount is selected)
      AUTH + 9,
    );
    const byTitle = Object.fromEntries(data.classes.nodes.map((c: Json) => [c.title, c]));
    const algebraA = byTitle['Algebra A'];
    assert.equal(algebraA.course.title, 'Algebra');
    assert.equal(algebraA.school.name, 'Hill School');
    assert.deepEqual(algebraA.terms.map((t: Json) => t.title), ['Autumn']);
    assert.deepEqual(byTitle['English 1'].terms.map((t: Json) => t.title), ['Autumn', 'Spring']);
    // A class list: by family name (Lovelace twice: this year and last year, then Turing).
    assert.deepEqual(algebraA.enrollments.nodes.map((e: Json) => e.user.givenName), ['Ada', 'Ada', 'Alan']);
    assert.deepEqual(algebraA.teachers.nodes, [{ primary: true, role: 'teacher' }]);
    assert.equal(algebraA.students.totalCount, 2);
    // Ada's homeroom enrollment was deleted in the source.
    assert.deepEqual(byTitle['Algebra Homeroom'].enrollments.nodes.map((e: Json) => e.user.givenName), ['Alan']);
    assert.equal(byTitle['Algebra Homeroom'].students.totalCount, 0);
  });

  it('user: primary org, roles, agents both ways, agent links, identifiers and demographics', async () => {
    const data = await run(
      `{ users(filter: { search: "lovelace" }, orderBy: GIVEN_NAME_ASC) { nodes { givenName
          primaryOrg { name }
          roles { role roleType }
          agents { givenName }
          agentFor { givenName }
          agentLinks { relationship }
          identifiers { kind namespace value }
          demographics { birthDate sex }
        } } }`,
      // users, orgs, roles, agents, agentFor, agent links, identifiers, demographics
      AUTH + 8,
    );
    const [ada, anne] = data.users.nodes;
    assert.equal(ada.primaryOrg.name, 'Hill School');
    assert.equal(anne.primaryOrg, null);
    assert.deepEqual(ada.roles, [{ role: 'student', roleType: 'PRIMARY' }]);
    assert.deepEqual(anne.roles, [], "Anne's deleted role is left out");
    assert.deepEqual(ada.agents, [{ givenName: 'Anne' }]);
    assert.deepEqual(anne.agentFor, [{ givenName: 'Ada' }]);
    assert.deepEqual(ada.agentLinks, [{ relationship: 'parent' }]);
    assert.deepEqual(ada.identifiers, [
      { kind: 'EMAIL', namespace: null, value: 'Ada@Example.org' },
      { kind: 'USER_ID', namespace: 'LDAP', value: 'ada' },
    ]);
    assert.deepEqual(ada.demographics, { birthDate: '2010-12-10', sex: 'female' });
    assert.equal(anne.demographics, null);
  });

  it('user: enrollments and classes, each class once, optionally only those taught', async () => {
    const data = await run(
      `{ users(filter: { search: "a" }, orderBy: GIVEN_NAME_ASC) { nodes { givenName
          enrollments(orderBy: BEGIN_DATE_DESC) { nodes { beginDate class { title } } }
          classes { nodes { title } }
          taught: classes(role: "teacher") { nodes { title } }
        } } }`,
      // users, enrollments (with their classes), classes, taught classes
      AUTH + 4,
    );
    const byName = Object.fromEntries(data.users.nodes.map((u: Json) => [u.givenName, u]));
    assert.deepEqual(
      byName['Ada'].enrollments.nodes.map((e: Json) => [e.beginDate, e.class.title]),
      [
        ['2026-01-05', 'English 1'],
        ['2025-09-01', 'Algebra A'],
        ['2024-09-01', 'Algebra A'],
      ],
    );
    assert.deepEqual(names(byName['Ada'].classes, 'title'), ['Algebra A', 'English 1']);
    assert.deepEqual(names(byName['Ada'].taught, 'title'), []);
    assert.deepEqual(names(byName['Alan'].taught, 'title'), ['Algebra A', 'Algebra Homeroom']);
  });

  it('enrollment: user, class and school', async () => {
    const id = gid('Enrollment', d.enrollments.graceEnglish.id);
    const data = await run(
      `query($id: ID!) { node(id: $id) { ... on Enrollment { role primary user { givenName } class { title } school { name } } } }`,
      // enrollment, user, class, school
      AUTH + 4,
      { id },
    );
    assert.deepEqual(data.node, { role: 'teacher', primary: true, user: { givenName: 'Grace' }, class: { title: 'English 1' }, school: { name: 'Vale School' } });
  });

  it('role: user and org', async () => {
    const [roleId] = (await app.db.dataSource.query('select id from role where user_id = $1 and role = $2', [d.users.alan.id, 'administrator'])) as { id: string }[];
    const data = await run(
      `query($id: ID!) { node(id: $id) { ... on Role { sourcedId role roleType user { givenName } org { name } } } }`,
      AUTH + 3,
      { id: gid('Role', roleId!.id) },
    );
    assert.deepEqual(data.node, { sourcedId: null, role: 'administrator', roleType: 'SECONDARY', user: { givenName: 'Alan' }, org: { name: 'Hill School' } });
  });

  it('agent, identifier and demographics: their users', async () => {
    const [agent] = (await app.db.dataSource.query('select id from agent')) as { id: string }[];
    const agentData = await run(
      `query($id: ID!) { node(id: $id) { ... on Agent { relationship user { givenName } agent { givenName } } } }`,
      // the link, then both users in one batch
      AUTH + 2,
      { id: gid('Agent', agent!.id) },
    );
    assert.deepEqual(agentData.node, { relationship: 'parent', user: { givenName: 'Ada' }, agent: { givenName: 'Anne' } });

    const [identifier] = (await app.db.dataSource.query("select id from user_identifier where kind = 'userId'")) as { id: string }[];
    const identifierData = await run(
      `query($id: ID!) { node(id: $id) { ... on UserIdentifier { kind value user { givenName } } } }`,
      AUTH + 2,
      { id: gid('UserIdentifier', identifier!.id) },
    );
    assert.deepEqual(identifierData.node, { kind: 'USER_ID', value: 'ada', user: { givenName: 'Ada' } });

    const [demographics] = (await app.db.dataSource.query('select id from demographics')) as { id: string }[];
    const demographicsData = await run(
      `query($id: ID!) { node(id: $id) { ... on Demographics { sex user { givenName } } } }`,
      AUTH + 2,
      { id: gid('Demographics', demographics!.id) },
    );
    assert.deepEqual(demographicsData.node, { sex: 'female', user: { givenName: 'Ada' } });
  });

  it('a reference to a deleted record still resolves, and says it is deleted', async () => {
    const id = gid('Enrollment', d.enrollments.adaHomeroomDeleted.id);
    const data = await run(
      `query($id: ID!) { node(id: $id) { ... on Enrollment { status deletedAt class { title } } } }`,
      AUTH + 2,
      { id },
    );
    assert.equal(data.node.status, 'TOBEDELETED');
    assert.ok(data.node.deletedAt);
    assert.equal(data.node.class.title, 'Algebra Homeroom');
  });

  it('a nested page read without cursors and one read with them, side by side: the same nodes, and the cursors page on', async () => {
    const data = await run(
      `{ orgs(filter: { type: "school" }, orderBy: NAME_ASC) { nodes { name
          plain: users(first: 1) { nodes { givenName } pageInfo { hasNextPage } }
          paged: users(first: 1) { edges { cursor node { givenName } } pageInfo { hasNextPage endCursor } }
        } } }`,
      // orgs, and one statement for each of the two pages: they differ in their key columns
      AUTH + 3,
    );
    const hill = data.orgs.nodes.find((o: Json) => o.name === 'Hill School');
    assert.deepEqual(names(hill.plain, 'givenName'), ['Ada']);
    assert.equal(hill.plain.pageInfo.hasNextPage, true);
    assert.deepEqual(
      hill.paged.edges.map((e: Json) => e.node.givenName),
      ['Ada'],
    );
    assert.equal(hill.paged.edges[0].cursor, hill.paged.pageInfo.endCursor);
    const next = await run(
      `query($id: ID!, $after: String) { node(id: $id) { ... on Org { users(first: 1, after: $after) { nodes { givenName } } } } }`,
      AUTH + 2,
      { id: gid('Org', d.orgs.hill.id), after: hill.paged.pageInfo.endCursor },
    );
    assert.deepEqual(names(next.node.users, 'givenName'), ['Alan']);
  });
});
