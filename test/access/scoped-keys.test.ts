import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'graphql';
import { ApiRole } from '../../src/auth/role';
import { RosterFactory } from '../factories/roster.factory';
import { runLms } from '../records/lms-support';
import { LmsFolder, SCORM_HEADERS } from '../records/lms-files';
import { buildDistrict, type District } from '../roster/district.fixture';
import { errorCode, gid, ok, statements } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';
import { collect, wsClient } from '../support/ws';

/**
 * A key for Hill School, one of North district's two schools (the other is Vale; South's is
 * Bay). Ada is a student at Hill who is also enrolled in a Vale class; Grace teaches at Vale.
 */
describe('API keys scoped to an org subtree', () => {
  let app: TestApp;
  let d: District;
  let hillKey: string;
  const files = new LmsFolder('scoped-keys');

  const asHill = <T>(query: string, variables: Record<string, unknown> = {}) => app.gql<T, unknown>(query, variables, { key: hillKey });
  const asReader = <T>(query: string, variables: Record<string, unknown> = {}) => app.gql<T, unknown>(query, variables, { role: ApiRole.READER });

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    const f = new RosterFactory(app.db.dataSource);
    d = await buildDistrict(f);
    await f.identifiers([
      { userId: d.users.ada.id, kind: 'identifier', value: 'ADA' },
      { userId: d.users.grace.id, kind: 'identifier', value: 'GRACE' },
    ]);
    const rows = [
      ['nobody-a', 'ADA', '2025-01-10 09:00', 'Fire Safety', 'SCO', 'passed', '1', '90'],
      ['nobody-g', 'GRACE', '2025-01-11 09:00', 'Fire Safety', 'SCO', 'passed', '1', '80'],
    ];
    const { job } = await runLms(app, { path: files.write('SCORM20250111', SCORM_HEADERS, rows) });
    assert.equal(job.status, 'SUCCEEDED');
    const created = await app.gql<{ createApiKey: { key: string; apiKey: { orgId: string; role: string } } }, unknown>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { orgId role } } }`,
      { input: { name: 'Hill School', role: 'READER', org: gid('Org', d.orgs.hill.id) } },
    );
    const { key, apiKey } = ok(created).createApiKey;
    assert.deepEqual(apiKey, { orgId: gid('Org', d.orgs.hill.id), role: 'READER' });
    hillKey = key;
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  const names = (nodes: { givenName?: string; title?: string; name?: string }[]) => nodes.map((n) => n.givenName ?? n.title ?? n.name).sort();

  it('root lists hold only the subtree (orgs: and the orgs above it), with the same statement count as an unscoped key', async () => {
    const query = `{ users { totalCount nodes { givenName } } classes { totalCount nodes { title } } enrollments { totalCount }
      orgs { nodes { name } } courses { nodes { title } } }`;
    const scoped = await asHill<{
      users: { totalCount: number; nodes: { givenName: string }[] };
      classes: { totalCount: number; nodes: { title: string }[] };
      enrollments: { totalCount: number };
      orgs: { nodes: { name: string }[] };
      courses: { nodes: { title: string }[] };
    }>(query);
    const data = ok(scoped);
    assert.deepEqual(names(data.users.nodes), ['Ada', 'Alan']);
    assert.equal(data.users.totalCount, 2);
    assert.deepEqual(names(data.classes.nodes), ['Algebra A', 'Algebra Homeroom']);
    assert.equal(data.classes.totalCount, 2);
    assert.equal(data.enrollments.totalCount, 4, "Hill's live enrollments, none at Vale or Bay");
    assert.deepEqual(names(data.orgs.nodes), ['Hill Maths', 'Hill School', 'North']);
    assert.deepEqual(names(data.courses.nodes), ['Algebra']);
    const unscoped = await asReader(query);
    assert.ok(ok(unscoped));
    assert.equal(statements(scoped), statements(unscoped));
  });

  it("nested lists leave out what lies outside: Ada's Vale class and enrollment, Vale under North, Alan's other roles stay", async () => {
    const query = `query($ada: ID!, $north: ID!) {
      ada: node(id: $ada) { ... on User { classes { nodes { title } } enrollments { totalCount } roles { org { name } } agents { givenName } } }
      north: node(id: $north) { ... on Org { children { nodes { name } } users { nodes { givenName } } classes { nodes { title } } } } }`;
    const vars = { ada: gid('User', d.users.ada.id), north: gid('Org', d.orgs.north.id) };
    type Nested = {
      ada: { classes: { nodes: { title: string }[] }; enrollments: { totalCount: number }; roles: { org: { name: string } }[]; agents: unknown[] };
      north: { children: { nodes: { name: string }[] }; users: { nodes: unknown[] }; classes: { nodes: unknown[] } };
    };
    const res = await asHill<Nested>(query, vars);
    const { ada, north } = ok(res);
    assert.deepEqual(names(ada.classes.nodes), ['Algebra A']);
    assert.equal(ada.enrollments.totalCount, 2, 'two Algebra A enrollments; English 1 at Vale is left out');
    assert.deepEqual(ada.roles.map((r) => r.org.name), ['Hill School']);
    assert.deepEqual(ada.agents, [], "Anne's role at Hill was deleted: she is not Hill's to see");
    assert.deepEqual(names(north.children.nodes), ['Hill School']);
    assert.deepEqual(north.users.nodes, [], 'nobody holds a role at the district itself');
    const unscoped = await asReader<Nested>(query, vars);
    assert.equal(ok(unscoped).ada.classes.nodes.length, 2, 'an unscoped key sees both of her classes');
    assert.equal(statements(res), statements(unscoped));
  });

  it('node(id) and nodes(ids) are null outside the subtree, exactly as for ids that do not exist', async () => {
    const outside = [
      gid('User', d.users.grace.id),
      gid('User', d.users.edsger.id),
      gid('Class', d.classes.english1.id),
      gid('Enrollment', d.enrollments.adaEnglish.id),
      gid('Org', d.orgs.vale.id),
      gid('Org', d.orgs.bay.id),
      gid('Course', d.courses.english.id),
      gid('User', '999999'),
    ];
    const inside = [gid('User', d.users.ada.id), gid('Class', d.classes.algebraA.id), gid('Enrollment', d.enrollments.adaAlgebra.id), gid('Org', d.orgs.hillMaths.id)];
    const res = await asHill<{ nodes: ({ id: string } | null)[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [...outside, ...inside] });
    assert.deepEqual(ok(res).nodes, [...outside.map(() => null), ...inside.map((id) => ({ id }))]);
    const unscoped = await asReader(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [...outside, ...inside] });
    assert.equal(statements(res), statements(unscoped), 'one statement per type either way');
    const one = await asHill<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('User', d.users.grace.id) });
    assert.deepEqual(ok(one), { node: null });
    // Types no scope covers are null too, whatever exists.
    const key = await asHill<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('ApiKey', '1') });
    assert.deepEqual(ok(key), { node: null });
  });

  it("_entities resolves references through the same scope: Grace is null, Ada is found", async () => {
    const res = await asHill<{ _entities: ({ id: string } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id } } }`,
      { r: [{ __typename: 'User', id: gid('User', d.users.grace.id) }, { __typename: 'User', id: gid('User', d.users.ada.id) }, { __typename: 'User', sourcedId: d.users.grace.sourcedId }] },
    );
    assert.deepEqual(ok(res)._entities, [null, { id: gid('User', d.users.ada.id) }, null]);
  });

  it("learner history shows Ada's records and only her Hill enrollments; Grace's history is unreachable", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on User { learningHistory(first: 20) { totalCount nodes { __typename title } } } } }`;
    type History = { node: { learningHistory: { totalCount: number; nodes: { __typename: string; title: string }[] } } };
    const res = await asHill<History>(query, { id: gid('User', d.users.ada.id) });
    const titles = ok(res).node.learningHistory.nodes.map((n) => `${n.__typename}:${n.title}`).sort();
    assert.deepEqual(titles, ['EnrollmentHistoryEntry:Algebra A', 'EnrollmentHistoryEntry:Algebra A', 'ScormAttempt:Fire Safety']);
    const unscoped = await asReader<History>(query, { id: gid('User', d.users.ada.id) });
    assert.ok(ok(unscoped).node.learningHistory.nodes.some((n) => n.title === 'English 1'), 'unscoped, the Vale class is in her history');
    assert.equal(statements(res), statements(unscoped));

    const graceRecord = (await app.db.dataSource.query(`select id::text from learning_record where user_id = $1`, [d.users.grace.id])) as { id: string }[];
    assert.equal(graceRecord.length, 1);
    const record = await asHill<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('ScormAttempt', graceRecord[0]!.id) });
    assert.deepEqual(ok(record), { node: null });
  });

  it('refuses, before running anything, fields that lead out of the scope', async () => {
    for (const query of [
      '{ syncJobs(first: 1) { totalCount } }',
      '{ sources(first: 1) { totalCount } }',
      '{ apiKeys { id } }',
      '{ learningItems(first: 1) { totalCount } }',
      `query($id: ID!) { node(id: $id) { ... on User { externalAccounts { externalId } } } }`,
      `query($id: ID!) { node(id: $id) { ... on Source { name } } }`,
    ]) {
      const res = await asHill(query, { id: gid('User', d.users.ada.id) });
      assert.equal(errorCode(res), 'FORBIDDEN', query);
      assert.equal(res.data ?? undefined, undefined, query);
    }
  });

  it('still answers introspection and _service', async () => {
    const res = await asHill<{ __schema: { queryType: { name: string } }; _service: { sdl: string } }>('{ __schema { queryType { name } } _service { sdl } }');
    const data = ok(res);
    assert.equal(data.__schema.queryType.name, 'Query');
    assert.match(data._service.sdl, /type User/);
  });

  it('refuses imports to a scoped key, and refuses to make a scoped key that could import', async () => {
    const res = await asHill(`mutation { importOneRoster(input: { path: "/nowhere.zip" }) { id } }`);
    assert.equal(errorCode(res), 'FORBIDDEN');
    assert.equal(await app.db.dataSource.query(`select count(*)::int as n from sync_job where kind = 'oneroster'`).then((r: { n: number }[]) => r[0]!.n), 0);
    const integrator = await app.gql(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`, {
      input: { name: 'Hill integrator', role: 'INTEGRATOR', org: gid('Org', d.orgs.hill.id) },
    });
    assert.equal(errorCode(integrator), 'BAD_USER_INPUT');
    assert.match(integrator.errors?.[0]?.message ?? '', /READER/);
  });

  it('refuses a subscription to sync jobs over graphql-ws', async () => {
    const client = wsClient(app.url, hillKey);
    try {
      const watched = collect(client, parse(`subscription($id: ID!) { syncJobUpdated(id: $id) { status } }`), { id: gid('SyncJob', '1') });
      await watched.done;
      assert.equal(watched.events.length, 0);
      const codes = watched.errors.flatMap((e) => (Array.isArray(e) ? e : [e])).map((e) => (e as { extensions?: { code?: string } }).extensions?.code);
      assert.deepEqual(codes, ['FORBIDDEN']);
    } finally {
      await client.dispose();
    }
  });

  it("resolves a class's course and its owner when a sibling school owns the course (the owner is named, its lists stay narrowed)", async () => {
    // Last: adds a Hill class of Vale's English course.
    const f = new RosterFactory(app.db.dataSource);
    const [english] = (await app.db.dataSource.query(`select id::text from course where title = 'English'`)) as { id: string }[];
    await f.class({ title: 'English at Hill', courseId: english!.id, schoolId: d.orgs.hill.id });
    const res = await asHill<{ classes: { nodes: { title: string; course: { title: string; org: { name: string; classes: { nodes: { title: string }[] } } | null } }[] } }>(
      `{ classes { nodes { title course { title org { name classes { nodes { title } } } } } } }`,
    );
    const english1 = ok(res).classes.nodes.find((c) => c.title === 'English at Hill');
    assert.equal(english1?.course.title, 'English');
    assert.equal(english1?.course.org?.name, 'Vale School');
    assert.deepEqual(english1?.course.org?.classes.nodes, [], "Vale's own classes stay out of sight");
    const orgs = await asHill<{ orgs: { nodes: { name: string }[] } }>(`{ orgs { nodes { name } } }`);
    assert.ok(ok(orgs).orgs.nodes.some((o) => o.name === 'Vale School'), 'the owner of a course taught in the subtree is a visible org');
  });
});
