import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { AUTH, gid, ok, statements } from './helpers';

// Role.sourcedId may be null (1.1 roles have none) and a session's endDate may not, so those
// fields are aliased: GraphQL rejects one response key with two nullabilities.
const NODE = `query($id: ID!) { node(id: $id) { __typename id
  ... on Org { sourcedId name type identifier system status metadata deletedAt }
  ... on AcademicSession { sourcedId title type startDate sessionEnd: endDate schoolYear }
  ... on Course { sourcedId title courseCode grades subjects subjectCodes }
  ... on Class { sourcedId title classCode classType location grades periods }
  ... on User { sourcedId username givenName familyName email enabledUser grades }
  ... on UserIdentifier { kind namespace value system }
  ... on Role { roleSourcedId: sourcedId roleType role beginDate endDate userProfile }
  ... on Agent { relationship system }
  ... on Enrollment { sourcedId role primary beginDate endDate }
  ... on Demographics { sourcedId birthDate sex asian white hispanicOrLatinoEthnicity cityOfBirth }
} }`;

describe('roster: Relay node(id) and nodes(ids)', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    const f = new RosterFactory(app.db.dataSource);
    const district = await f.org({ name: 'North District', type: 'district', identifier: 'D1', metadata: { region: 'north' } });
    const school = await f.org({ name: 'Hill School', type: 'school', parentId: district.id });
    const year = await f.session({ title: '2025-26', type: 'schoolYear', startDate: '2025-08-01', endDate: '2026-07-31', schoolYear: 2026 });
    const course = await f.course({ title: 'Algebra', courseCode: 'ALG', orgId: school.id, grades: ['09', '10'], subjects: ['Math'], subjectCodes: ['02052'] });
    const cls = await f.class({ title: 'Algebra 1', classCode: 'ALG-1', courseId: course.id, schoolId: school.id, location: 'R12', periods: ['1', '2'] });
    const user = await f.user({ givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org', grades: ['09'] });
    const parent = await f.user({ givenName: 'Anne', familyName: 'Lovelace' });
    const [identifier] = await f.identifiers([{ userId: user.id, kind: 'userId', namespace: 'LDAP', value: 'ada' }]);
    const [role] = await f.roles([{ userId: user.id, orgId: school.id, role: 'student', beginDate: '2025-09-01', userProfile: 'p1' }]);
    const [agent] = await f.agents([{ userId: user.id, agentUserId: parent.id, relationship: 'parent' }]);
    const enrollment = await f.enrollment({ userId: user.id, classId: cls.id, schoolId: school.id, beginDate: '2025-09-01', endDate: '2026-06-30' });
    const demographics = await f.demographics({ userId: user.id, sourcedId: user.sourcedId, birthDate: '2010-02-28', sex: 'female', asian: false, white: true, cityOfBirth: 'London' });
    Object.assign(ids, {
      Org: gid('Org', district.id),
      AcademicSession: gid('AcademicSession', year.id),
      Course: gid('Course', course.id),
      Class: gid('Class', cls.id),
      User: gid('User', user.id),
      UserIdentifier: gid('UserIdentifier', identifier!.id),
      Role: gid('Role', role!.id),
      Agent: gid('Agent', agent!.id),
      Enrollment: gid('Enrollment', enrollment.id),
      Demographics: gid('Demographics', demographics.id),
    });
  });
  after(() => app.close());

  it('returns each roster type from node(id) with the id it was asked for, in one statement', async () => {
    for (const [type, id] of Object.entries(ids)) {
      const res = await app.gql<{ node: { __typename: string; id: string } | null }, unknown>(NODE, { id });
      const { node } = ok(res);
      assert.equal(node?.__typename, type);
      assert.equal(node?.id, id);
      assert.equal(statements(res), AUTH + 1, type);
    }
  });

  it('round-trips: node(id) of an object reached through the graph is the same object', async () => {
    const FIELDS = `id sourcedId system status dateLastModified deletedAt metadata createdAt updatedAt`;
    const res = await app.gql<{ orgs: { nodes: Record<string, unknown>[] } }, unknown>(`{
      orgs(first: 1, filter: { search: "Hill" }) { nodes { ${FIELDS} name type identifier
        parent { ${FIELDS} name type identifier }
        classes(first: 5) { nodes { ${FIELDS} title classCode classType location grades subjects subjectCodes periods
          course { ${FIELDS} title courseCode grades subjects subjectCodes }
          terms { ${FIELDS} }
          enrollments(first: 5) { nodes { ${FIELDS} role primary beginDate endDate
            user { ${FIELDS} username givenName familyName middleName email enabledUser grades
              roles { ${FIELDS} roleType role beginDate endDate userProfile }
              agentLinks { id relationship system deletedAt }
              identifiers { id kind namespace value system deletedAt }
              demographics { ${FIELDS} birthDate sex asian white cityOfBirth }
            } } } } } } } }`);
    const school = ok(res).orgs.nodes[0] as Record<string, any>;
    const cls = school['classes'].nodes[0];
    const enrollment = cls.enrollments.nodes[0];
    const user = enrollment.user;
    const reached: Record<string, any>[] = [
      school['parent'],
      cls,
      cls.course,
      enrollment,
      user,
      user.roles[0],
      user.agentLinks[0],
      user.identifiers[0],
      user.demographics,
    ];
    for (const object of reached) {
      // Scalars and lists of scalars; nested objects are checked on their own.
      const nested = new Set(['parent', 'classes', 'course', 'terms', 'enrollments', 'user', 'roles', 'agentLinks', 'identifiers', 'demographics']);
      const fields = Object.keys(object).filter((k) => !nested.has(k));
      const typeName = Buffer.from(object['id'], 'base64url').toString().split(':')[0];
      const spread = `... on ${typeName} { ${fields.join(' ')} }`;
      const again = ok(await app.gql<{ node: Record<string, unknown> }, unknown>(`query($id: ID!) { node(id: $id) { ${spread} } }`, { id: object['id'] }));
      const expected = Object.fromEntries(fields.map((k) => [k, object[k]]));
      assert.deepEqual(again.node, expected, typeName);
    }
    assert.equal(school['parent'].id, ids['Org']);
    assert.deepEqual(school['parent'].metadata, { region: 'north' });
  });

  it('loads nodes(ids) of mixed types batched: one statement per type, not per id', async () => {
    const all = Object.values(ids);
    const res = await app.gql<{ nodes: ({ __typename: string; id: string } | null)[] }, unknown>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
      { ids: [...all, ...all] },
    );
    const { nodes } = ok(res);
    assert.deepEqual(nodes.map((n) => n?.id), [...all, ...all]);
    assert.equal(statements(res), AUTH + Object.keys(ids).length);
  });

  it('batches many ids of one type into one statement and returns null for unknown ones', async () => {
    const f = new RosterFactory(app.db.dataSource, 'other-sis');
    const users = await f.users(40);
    const wanted = [...users.map((u) => gid('User', u.id)), gid('User', '999999999'), gid('Org', '999999999')];
    const res = await app.gql<{ nodes: ({ id: string } | null)[] }, unknown>('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: wanted });
    const { nodes } = ok(res);
    assert.deepEqual(nodes.slice(0, 40).map((n) => n?.id), wanted.slice(0, 40));
    assert.equal(nodes[40], null);
    assert.equal(nodes[41], null);
    assert.equal(statements(res), AUTH + 2);
  });

  it('answers BAD_USER_INPUT for a malformed id', async () => {
    const res = await app.gql('{ node(id: "not-an-id") { id } }');
    assert.equal(res.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
  });
});
