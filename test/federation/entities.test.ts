import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { LearningItemEntity } from '../../src/records/model/learning-item.entity';
import { RosterFactory } from '../factories/roster.factory';
import { AUTH, errorCode, gid, ok, statements } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  __typename
  ... on User { id sourcedId givenName }
  ... on Org { id name }
  ... on Class { id title }
  ... on Course { id title }
  ... on AcademicSession { id title }
  ... on Enrollment { id role }
  ... on LearningItem { id name }
} }`;

type Entity = { __typename: string; id: string } & Record<string, unknown>;
type Representation = Record<string, string>;

describe('federation: learngraph as an Apollo Federation 2 subgraph', () => {
  let app: TestApp;
  let f: RosterFactory;
  const refs: Record<string, Representation> = {};
  let userIds: string[] = [];
  let userSourcedIds: string[] = [];

  const entities = (representations: readonly Representation[], role: ApiRole | null = ApiRole.READER) =>
    app.gql<{ _entities: (Entity | null)[] }, unknown>(ENTITIES, { representations }, { role });

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    f = new RosterFactory(app.db.dataSource);
    const school = await f.org({ name: 'Hill School' });
    const year = await f.session({ title: '2025-26', type: 'schoolYear', startDate: '2025-08-01', endDate: '2026-07-31', schoolYear: 2026 });
    const course = await f.course({ title: 'Algebra', orgId: school.id });
    const cls = await f.class({ title: 'Algebra 1', courseId: course.id, schoolId: school.id });
    const users = await f.users(100, (i) => ({ givenName: `Learner ${i}` }));
    userIds = users.map((u) => gid('User', u.id));
    userSourcedIds = users.map((u) => u.sourcedId);
    const enrollment = await f.enrollment({ userId: users[0]!.id, classId: cls.id, schoolId: school.id, role: 'student' });
    const item = await app.db.dataSource
      .getRepository(LearningItemEntity)
      .save({ system: 'lms', kind: 'COURSE', sourceKey: 'Fire safety', name: 'Fire safety', validityMonths: null, validityDays: null });
    Object.assign(refs, {
      User: { __typename: 'User', id: userIds[0] },
      Org: { __typename: 'Org', id: gid('Org', school.id) },
      Class: { __typename: 'Class', id: gid('Class', cls.id) },
      Course: { __typename: 'Course', id: gid('Course', course.id) },
      AcademicSession: { __typename: 'AcademicSession', id: gid('AcademicSession', year.id) },
      Enrollment: { __typename: 'Enrollment', id: gid('Enrollment', enrollment.id) },
      LearningItem: { __typename: 'LearningItem', id: gid('LearningItem', item.id) },
    });
  });
  after(() => app.close());

  it('publishes its subgraph SDL with @link to Federation 2 and the @key of every entity type', async () => {
    const { _service } = ok(await app.gql<{ _service: { sdl: string } }, unknown>('{ _service { sdl } }', {}, { role: ApiRole.READER }));
    assert.match(_service.sdl, /@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    for (const type of ['User', 'Org', 'Class', 'Course', 'AcademicSession', 'Enrollment', 'LearningItem']) {
      assert.match(_service.sdl, new RegExp(`type ${type} implements Node\\s+@key\\(fields: "id"\\)`), type);
    }
    assert.match(_service.sdl, /type User implements Node\s+@key\(fields: "id"\)\s+@key\(fields: "sourcedId"\)/);
  });

  it('resolves a reference to every entity type by its global id, the object node(id) returns', async () => {
    const res = await entities(Object.values(refs));
    const found = ok(res)._entities;
    assert.deepEqual(
      found.map((e) => [e?.__typename, e?.id]),
      Object.values(refs).map((r) => [r['__typename'], r['id']]),
    );
    assert.equal(found.find((e) => e?.__typename === 'Org')?.['name'], 'Hill School');
    assert.equal(found.find((e) => e?.__typename === 'LearningItem')?.['name'], 'Fire safety');
    // One statement per type: each goes through its by-id loader.
    assert.equal(statements(res), AUTH + Object.keys(refs).length);
  });

  it('resolves 100 User references by id, or by sourcedId, in a constant number of statements', async () => {
    const byId = await entities(userIds.map((id) => ({ __typename: 'User', id })));
    assert.deepEqual(ok(byId)._entities.map((e) => e?.id), userIds);
    assert.equal(statements(byId), AUTH + 1);
    const ten = await entities(userIds.slice(0, 10).map((id) => ({ __typename: 'User', id })));
    assert.equal(statements(ten), statements(byId));

    const bySourcedId = await entities(userSourcedIds.map((sourcedId) => ({ __typename: 'User', sourcedId })));
    const users = ok(bySourcedId)._entities;
    assert.deepEqual(users.map((e) => e?.['sourcedId']), userSourcedIds);
    assert.deepEqual(users.map((e) => e?.id), userIds);
    // sourcedId -> ids, then the by-id loader: two statements for any number of references.
    assert.equal(statements(bySourcedId), AUTH + 2);
  });

  it('returns null for references that name nothing, or an id of another type', async () => {
    const res = await entities([
      { __typename: 'User', id: gid('User', '999999999') },
      { __typename: 'User', id: refs['Org']!['id']! },
      { __typename: 'User', sourcedId: 'no-such-user' },
      { __typename: 'Org', id: gid('Org', '999999999') },
    ]);
    assert.deepEqual(ok(res)._entities, [null, null, null, null]);
  });

  it('refuses a sourcedId that names users in two systems instead of picking one', async () => {
    const shared = f.sourcedId('shared');
    await f.user({ sourcedId: shared });
    await new RosterFactory(app.db.dataSource, 'other-sis').user({ sourcedId: shared });
    const res = await entities([{ __typename: 'User', sourcedId: shared }]);
    assert.equal(res.data?._entities[0], null);
    assert.equal(errorCode(res), 'CONFLICT');
    assert.match(res.errors?.[0]?.message ?? '', /names 2 users/);
  });

  it('returns a field trace (ftv1) when a gateway asks for one', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1', authorization: `Bearer ${app.keys.reader}` },
      body: JSON.stringify({ query: ENTITIES, variables: { representations: [refs['Org']] } }),
    });
    const body = (await res.json()) as { data: { _entities: Entity[] }; extensions?: { ftv1?: string } };
    assert.equal(body.data._entities[0]?.['name'], 'Hill School');
    assert.equal(typeof body.extensions?.ftv1, 'string');
    assert.ok(body.extensions!.ftv1!.length > 0);
  });

  it('needs an API key for _service, as for everything else in the graph', async () => {
    const res = await app.gql('{ _service { sdl } }', {}, { role: null });
    assert.equal(res.data ?? null, null);
    assert.equal(errorCode(res), 'UNAUTHENTICATED');
  });

  it('needs an API key for _entities, as node(id) does', async () => {
    const res = await entities([refs['User']!], null);
    assert.equal(res.data?._entities[0] ?? null, null);
    assert.equal(errorCode(res), 'UNAUTHENTICATED');
    const bad = await app.gql(ENTITIES, { representations: [refs['Org']] }, { key: 'lg_not-a-key' });
    assert.equal(errorCode(bad), 'UNAUTHENTICATED');
  });
});

describe('federation: _service with introspection off', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0, env: { GRAPHQL_INTROSPECTION: 'false' } });
  });
  after(() => app.close());

  it('gives the subgraph SDL to admin keys only, as introspection is off', async () => {
    const reader = await app.gql('{ _service { sdl } }', {}, { role: ApiRole.READER });
    assert.equal(errorCode(reader), 'FORBIDDEN');
    const admin = await app.gql<{ _service: { sdl: string } }, unknown>('{ _service { sdl } }', {}, { role: ApiRole.ADMIN });
    assert.match(ok(admin)._service.sdl, /@key\(fields: "sourcedId"\)/);
  });
});
