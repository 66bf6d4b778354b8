import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { buildDistrict, type District } from './district.fixture';
import { AUTH, errorCode, gid, ok, statements } from './helpers';

describe('roster: root list filters', () => {
  let app: TestApp;
  let d: District;

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    d = await buildDistrict(new RosterFactory(app.db.dataSource));
  });
  after(() => app.close());

  /** The ids a root list returns for a filter (GraphQL text), sorted; one statement each. */
  async function ids(field: string, filter: string): Promise<string[]> {
    const res = await app.gql<{ list: { nodes: { id: string }[] } }, unknown>(`{ list: ${field}(first: 500, filter: ${filter}) { nodes { id } } }`);
    const { list } = ok(res);
    assert.equal(statements(res), AUTH + 1, `${field}(filter: ${filter})`);
    return list.nodes.map((n) => n.id).sort();
  }

  const g = (type: string, rows: readonly { id: string }[]): string[] => rows.map((r) => gid(type, r.id)).sort();

  it('filters users by search, role, org, status, deletion, system, sourcedId, login and grade', async () => {
    const u = d.users;
    const org = (id: string) => gid('Org', id);
    const expectations: [string, { id: string }[]][] = [
      ['{ search: "love" }', [u.ada, u.anne]],
      ['{ search: "ada lovelace" }', [u.ada]],
      ['{ search: "ADA@example" }', [u.ada]],
      ['{ search: "amazing" }', [u.grace]],
      ['{ search: "t-100" }', [u.alan]],
      ['{ search: "100%" }', []],
      ['{ role: "teacher" }', [u.alan, u.grace]],
      ['{ role: "parent" }', []],
      [`{ orgId: "${org(d.orgs.north.id)}" }`, [u.ada, u.alan, u.grace]],
      [`{ orgId: "${org(d.orgs.hill.id)}", role: "teacher" }`, [u.alan]],
      [`{ orgId: "${org(d.orgs.vale.id)}", role: "student" }`, []],
      ['{ status: TOBEDELETED }', []],
      ['{ status: TOBEDELETED, includeDeleted: true }', [u.gone]],
      ['{ system: "other-sis" }', [u.bob]],
      ['{ sourcedId: "ADA-1" }', [u.ada]],
      ['{ sourcedId: "ada-1" }', [u.bob]],
      ['{ enabledUser: false }', [u.edsger]],
      ['{ grade: "09" }', [u.ada]],
    ];
    for (const [filter, expected] of expectations) assert.deepEqual(await ids('users', filter), g('User', expected), filter);
    const everyone = await ids('users', '{}');
    assert.equal(everyone.length, 6, 'the deleted user is left out by default');
    assert.equal((await ids('users', '{ includeDeleted: true }')).length, 7);
  });

  it('filters orgs by type, parent, search, system and sourcedId', async () => {
    const o = d.orgs;
    const expectations: [string, { id: string }[]][] = [
      ['{ type: "school" }', [o.hill, o.vale, o.bay]],
      ['{ type: "district" }', [o.north, o.south]],
      [`{ parentId: "${gid('Org', o.north.id)}" }`, [o.hill, o.vale]],
      [`{ parentId: "${gid('Org', o.hill.id)}" }`, [o.hillMaths]],
      ['{ search: "hill" }', [o.hill, o.hillMaths]],
      ['{ search: "hs-1" }', [o.hill]],
      ['{ sourcedId: "S-BAY" }', [o.bay]],
      ['{ system: "nowhere" }', []],
    ];
    for (const [filter, expected] of expectations) assert.deepEqual(await ids('orgs', filter), g('Org', expected), filter);
  });

  it('filters academic sessions by type, school year, parent, date and search', async () => {
    const s = d.sessions;
    const expectations: [string, { id: string }[]][] = [
      ['{ type: "term" }', [s.autumn, s.spring]],
      ['{ schoolYear: 2025 }', [s.lastYear]],
      [`{ parentId: "${gid('AcademicSession', s.year.id)}" }`, [s.autumn, s.spring]],
      ['{ activeOn: "2025-10-01" }', [s.year, s.autumn]],
      ['{ activeOn: "2025-12-19" }', [s.year, s.autumn]],
      ['{ activeOn: "2025-12-20" }', [s.year]],
      ['{ search: "spr" }', [s.spring]],
    ];
    for (const [filter, expected] of expectations) assert.deepEqual(await ids('academicSessions', filter), g('AcademicSession', expected), filter);
  });

  it('filters courses by org (and the orgs below it), school year, grade and search', async () => {
    const c = d.courses;
    const expectations: [string, { id: string }[]][] = [
      [`{ orgId: "${gid('Org', d.orgs.north.id)}" }`, [c.algebra, c.english]],
      [`{ orgId: "${gid('Org', d.orgs.hill.id)}" }`, [c.algebra]],
      [`{ schoolYearId: "${gid('AcademicSession', d.sessions.year.id)}" }`, [c.algebra]],
      ['{ grade: "10" }', [c.english]],
      ['{ search: "eng1" }', [c.english]],
    ];
    for (const [filter, expected] of expectations) assert.deepEqual(await ids('courses', filter), g('Course', expected), filter);
  });

  it('filters classes by org subtree, school, course, term, class type and search', async () => {
    const k = d.classes;
    const expectations: [string, { id: string }[]][] = [
      [`{ orgId: "${gid('Org', d.orgs.north.id)}" }`, [k.algebraA, k.homeroom, k.english1]],
      [`{ schoolId: "${gid('Org', d.orgs.north.id)}" }`, []],
      [`{ schoolId: "${gid('Org', d.orgs.hill.id)}" }`, [k.algebraA, k.homeroom]],
      [`{ courseId: "${gid('Course', d.courses.algebra.id)}" }`, [k.algebraA, k.homeroom]],
      [`{ termId: "${gid('AcademicSession', d.sessions.autumn.id)}" }`, [k.algebraA, k.english1]],
      ['{ classType: "homeroom" }', [k.homeroom]],
      ['{ search: "alg-a" }', [k.algebraA]],
      [`{ orgId: "${gid('Org', d.orgs.south.id)}", classType: "homeroom" }`, []],
    ];
    for (const [filter, expected] of expectations) assert.deepEqual(await ids('classes', filter), g('Class', expected), filter);
  });

  it('filters enrollments by role, class, user, school, primary and the day they are current on', async () => {
    const e = d.enrollments;
    const expectations: [string, { id: string }[]][] = [
      ['{ role: "teacher" }', [e.alanAlgebra, e.alanHomeroom, e.graceEnglish]],
      [`{ classId: "${gid('Class', d.classes.algebraA.id)}" }`, [e.adaAlgebra, e.alanAlgebra, e.adaAlgebraLastYear]],
      [`{ userId: "${gid('User', d.users.ada.id)}" }`, [e.adaAlgebra, e.adaEnglish, e.adaAlgebraLastYear]],
      [`{ userId: "${gid('User', d.users.ada.id)}", includeDeleted: true }`, [e.adaAlgebra, e.adaEnglish, e.adaHomeroomDeleted, e.adaAlgebraLastYear]],
      [`{ schoolId: "${gid('Org', d.orgs.vale.id)}" }`, [e.adaEnglish, e.graceEnglish]],
      ['{ primary: true }', [e.alanAlgebra, e.graceEnglish]],
      [
        `{ userId: "${gid('User', d.users.ada.id)}", activeOn: "2025-10-01" }`,
        [e.adaAlgebra],
      ],
      [`{ userId: "${gid('User', d.users.ada.id)}", activeOn: "2025-12-19" }`, [e.adaAlgebra]],
      [`{ userId: "${gid('User', d.users.ada.id)}", activeOn: "2026-03-01" }`, [e.adaEnglish]],
      [`{ userId: "${gid('User', d.users.ada.id)}", activeOn: "2025-01-01" }`, [e.adaAlgebraLastYear]],
      ['{ activeOn: "2030-01-01" }', [e.adaEnglish, e.alanAlgebra, e.alanHomeroom, e.graceEnglish, e.edsgerBiology]],
    ];
    for (const [filter, expected] of expectations) assert.deepEqual(await ids('enrollments', filter), g('Enrollment', expected), filter);
  });

  it('rejects an id of the wrong type in a filter with BAD_USER_INPUT', async () => {
    const res = await app.gql(`{ classes(filter: { schoolId: "${gid('User', d.users.ada.id)}" }) { nodes { id } } }`);
    assert.equal(errorCode(res), 'BAD_USER_INPUT');
    const bad = await app.gql('{ users(filter: { orgId: "nonsense" }) { nodes { id } } }');
    assert.equal(errorCode(bad), 'BAD_USER_INPUT');
  });

  it('binds filter values as parameters: SQL in a value is just text', async () => {
    const res = await app.gql<{ users: { nodes: unknown[] } }, unknown>(
      'query($s: String) { users(filter: { search: $s, sourcedId: $s }) { nodes { id } } }',
      { s: "x' or '1'='1" },
    );
    assert.deepEqual(ok(res).users.nodes, []);
  });

  it('needs an API key for every roster list', async () => {
    for (const field of ['users', 'orgs', 'academicSessions', 'courses', 'classes', 'enrollments']) {
      const res = await app.gql(`{ ${field}(first: 1) { nodes { id } } }`, {}, { role: null });
      assert.equal(errorCode(res), 'UNAUTHENTICATED', field);
    }
  });
});
