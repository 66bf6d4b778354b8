import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { district12, writePackage } from './fixtures';
import { importPackage, nonZero, summarize } from './support';

describe('OneRoster import rules', () => {
  let app: TestApp;
  let seq = 0;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());
  /** A fresh source system per test keeps the tests independent in one database. */
  const system = (): string => `rules-${++seq}`;
  const q = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await app.db.dataSource.query(sql, params)) as T[];

  it('imports a valid 1.2 district with every link: terms, parents, identifiers, agents, metadata', async () => {
    const sys = system();
    const outcome = await importPackage(app, { path: district12(), system: sys });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? outcome.issues.join('\n'));
    assert.deepEqual(nonZero(outcome.entities), {
      orgs: { added: 3 },
      academicSessions: { added: 3 },
      courses: { added: 1 },
      classes: { added: 2 },
      users: { added: 4 },
      roles: { added: 5 },
      demographics: { added: 1 },
      enrollments: { added: 4 },
    });
    const terms = await q<{ title: string }>(
      `select s.title from class_term ct join class c on c.id = ct.class_id join academic_session s on s.id = ct.session_id
        where c.system = $1 and c.sourced_id = 'k1' and ct.deleted_at is null order by s.title`,
      [sys],
    );
    assert.deepEqual(terms.map((t) => t.title), ['Autumn', 'Spring']);
    const parent = await q<{ parent: string }>(`select p.sourced_id as parent from org o join org p on p.id = o.parent_id where o.system = $1 and o.sourced_id = 's2'`, [sys]);
    assert.equal(parent[0]?.parent, 'd1');
    const ids = await q<{ kind: string; namespace: string; normalized: string }>(
      `select i.kind, i.namespace, i.normalized from user_identifier i join roster_user u on u.id = i.user_id where u.system = $1 and u.sourced_id = 'u1' order by 1, 2, 3`,
      [sys],
    );
    assert.deepEqual(ids, [
      { kind: 'email', namespace: '', normalized: 'ada@school.org' },
      { kind: 'identifier', namespace: '', normalized: 'S1001' },
      { kind: 'sourcedId', namespace: '', normalized: 'u1' },
      { kind: 'userId', namespace: 'LDAP', normalized: 'ada' },
      { kind: 'userId', namespace: 'SIS', normalized: '1001' },
      { kind: 'username', namespace: '', normalized: 'ada' },
    ]);
    const [ada] = await q<{ metadata: Record<string, string>; grades: string[] }>(`select metadata, grades from roster_user where system = $1 and sourced_id = 'u1'`, [sys]);
    assert.deepEqual(ada, { metadata: { house: 'Blue' }, grades: ['09'] });
    const agents = await q<{ agent: string }>(
      `select a2.sourced_id as agent from agent a join roster_user u on u.id = a.user_id join roster_user a2 on a2.id = a.agent_user_id where u.system = $1`,
      [sys],
    );
    assert.deepEqual(agents, [{ agent: 'u4' }]);
  });

  it('reports the same package again as a duplicate and changes nothing; an edited copy changes only what differs', async () => {
    const sys = system();
    const dir = district12();
    await importPackage(app, { path: dir, system: sys });
    const again = await importPackage(app, { path: dir, system: sys });
    assert.equal(again.status, 'SUCCEEDED');
    assert.deepEqual(again.issues.map((i) => i.replace(/oneroster-fixture-\w+/, 'oneroster-fixture')), ['WARNING ingest.file.duplicate oneroster-fixture:']);
    assert.ok(again.result['duplicateOfJob']);
    assert.deepEqual(nonZero(again.entities), {});

    const edited = district12({
      users: {
        mode: 'bulk',
        rows: [
          { sourcedId: 'u1', enabledUser: 'true', username: 'ada', userIds: '{LDAP:ada},{SIS:1001}', givenName: 'Augusta Ada', familyName: 'Lovelace', email: 'Ada@School.org', identifier: 'S1001', grades: '09' },
          { sourcedId: 'u2', enabledUser: 'true', username: 'alan', givenName: 'Alan', familyName: 'Turing', email: 'alan@school.org', agentSourcedIds: 'u4' },
          { sourcedId: 't9', enabledUser: 'true', username: 'grace', givenName: 'Grace', familyName: 'Hopper', identifier: 'T9' },
          { sourcedId: 'u4', enabledUser: 'true', username: 'parent', givenName: 'Pat', familyName: 'Turing' },
        ],
      },
    });
    const changed = await importPackage(app, { path: edited, system: sys });
    // u1's name changed and its metadata column is gone (the header no longer has metadata.house).
    assert.deepEqual(nonZero(changed.entities), {
      orgs: { unchanged: 3 },
      academicSessions: { unchanged: 3 },
      courses: { unchanged: 1 },
      classes: { unchanged: 2 },
      users: { updated: 1, unchanged: 3 },
      roles: { unchanged: 5 },
      demographics: { unchanged: 1 },
      enrollments: { unchanged: 4 },
    });
  });

  it('soft-deletes what a bulk file no longer lists, revives it when it returns, and dry runs apply nothing', async () => {
    const sys = system();
    await importPackage(app, { path: district12(), system: sys });
    const withoutE2 = district12({
      enrollments: {
        mode: 'bulk',
        rows: [
          { sourcedId: 'e1', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u1', role: 'student', beginDate: '2024-09-01' },
          { sourcedId: 'e3', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 't9', role: 'teacher', primary: 'true' },
          { sourcedId: 'e4', classSourcedId: 'k2', schoolSourcedId: 's1', userSourcedId: 't9', role: 'teacher', primary: 'true' },
        ],
      },
    });
    // One of four enrollments is 25%: over the default threshold, so these runs are forced.
    const dry = await importPackage(app, { path: withoutE2, system: sys, dryRun: true, force: true });
    assert.deepEqual(dry.entities['enrollments'], { added: 0, updated: 0, deleted: 1, unchanged: 3, rejected: 0 });
    const stillLive = await q<{ deleted_at: Date | null }>(`select deleted_at from enrollment where system = $1 and sourced_id = 'e2'`, [sys]);
    assert.equal(stillLive[0]?.deleted_at, null, 'a dry run applies nothing');

    const applied = await importPackage(app, { path: withoutE2, system: sys, force: true });
    assert.equal(applied.entities['enrollments']?.deleted, 1);
    const [gone] = await q<{ status: string; deleted_at: Date | null }>(`select status, deleted_at from enrollment where system = $1 and sourced_id = 'e2'`, [sys]);
    assert.equal(gone?.status, 'tobedeleted');
    assert.ok(gone?.deleted_at, 'soft-deleted, never removed');

    const back = await importPackage(app, { path: district12(), system: sys });
    assert.equal(back.entities['enrollments']?.updated, 1);
    const [revived] = await q<{ status: string; deleted_at: Date | null }>(`select status, deleted_at from enrollment where system = $1 and sourced_id = 'e2'`, [sys]);
    assert.deepEqual(revived, { status: 'active', deleted_at: null });
  });

  it('stops a bulk file that would delete more than the threshold, unless forced', async () => {
    const sys = system();
    await importPackage(app, { path: district12(), system: sys });
    const truncated = district12({ enrollments: { mode: 'bulk', rows: [{ sourcedId: 'e1', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u1', role: 'student' }] } });
    const stopped = await importPackage(app, { path: truncated, system: sys });
    assert.equal(stopped.status, 'FAILED');
    assert.equal(stopped.failureCode, 'CONFLICT');
    assert.match(stopped.failureMessage ?? '', /enrollments\.csv would delete 3 of 4 enrollments \(75%\).*\[oneroster\.bulk\.delete_threshold\]/);
    const live = await q<{ n: number }>(`select count(*)::int as n from enrollment where system = $1 and deleted_at is null`, [sys]);
    assert.equal(live[0]?.n, 4, 'nothing applied');
    const forced = await importPackage(app, { path: truncated, system: sys, force: true });
    assert.equal(forced.status, 'SUCCEEDED');
    assert.equal(forced.entities['enrollments']?.deleted, 3);
  });

  it('applies deltas: upserts, tobedeleted, references to what the database holds, stale rows skipped', async () => {
    const sys = system();
    await importPackage(app, { path: district12(), system: sys });
    const delta = writePackage('1.2', {
      users: {
        mode: 'delta',
        rows: [
          { sourcedId: 'u5', status: 'active', dateLastModified: '2025-02-01T10:00:00.000Z', enabledUser: 'true', username: 'new', givenName: 'New', familyName: 'Pupil' },
          { sourcedId: 'u2', status: 'active', dateLastModified: '2025-02-01T10:00:00.000Z', enabledUser: 'false', username: 'alan', givenName: 'Alan', familyName: 'Turing' },
          { sourcedId: 'u9', enabledUser: 'true', username: 'x', givenName: 'X', familyName: 'Y' },
        ],
      },
      enrollments: {
        mode: 'delta',
        rows: [
          { sourcedId: 'e5', status: 'active', dateLastModified: '2025-02-01T10:00:00.000Z', classSourcedId: 'k2', schoolSourcedId: 's1', userSourcedId: 'u5', role: 'student' },
          { sourcedId: 'e1', status: 'tobedeleted', dateLastModified: '2025-02-01T10:00:00.000Z', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u1', role: 'student' },
        ],
      },
    });
    const applied = await importPackage(app, { path: delta, system: sys });
    assert.equal(applied.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual(nonZero(applied.entities), { users: { added: 1, updated: 1, rejected: 1 }, enrollments: { added: 1, deleted: 1 } });
    assert.deepEqual(summarize(applied.issues), [
      'ERROR oneroster.delta.status_required users.csv dateLastModified: 4',
      'ERROR oneroster.delta.status_required users.csv status: 4',
    ]);
    const [alan] = await q<{ enabled_user: boolean }>(`select enabled_user from roster_user where system = $1 and sourced_id = 'u2'`, [sys]);
    assert.equal(alan?.enabled_user, false);

    const stale = writePackage('1.2', {
      users: {
        mode: 'delta',
        rows: [{ sourcedId: 'u2', status: 'active', dateLastModified: '2025-01-01T10:00:00.000Z', enabledUser: 'true', username: 'alan', givenName: 'Alan', familyName: 'Turing' }],
      },
    });
    const skipped = await importPackage(app, { path: stale, system: sys });
    assert.equal(skipped.status, 'SUCCEEDED');
    assert.deepEqual(summarize(skipped.issues), ['WARNING oneroster.delta.stale users.csv dateLastModified: 2']);
    const [still] = await q<{ enabled_user: boolean }>(`select enabled_user from roster_user where system = $1 and sourced_id = 'u2'`, [sys]);
    assert.equal(still?.enabled_user, false, 'an older row never undoes a newer change');
  });

  it('holds headers exact in strict mode and reads them by name in lenient mode', async () => {
    const header = ['sourcedId', 'status', 'dateLastModified', 'type', 'name', 'identifier', 'parentSourcedId'];
    const swapped = writePackage('1.2', { orgs: { mode: 'bulk', header, rows: [{ sourcedId: 'o1', name: 'School', type: 'school' }] } });
    const strict = await importPackage(app, { path: swapped, system: system() });
    assert.equal(strict.status, 'FAILED');
    assert.equal(
      strict.failureMessage,
      'orgs.csv, line 1, column "name": column 4 of the header must be "name" but is "type" (names and order are exact, case included) [csv.header.mismatch]',
    );
    const lenient = await importPackage(app, { path: swapped, system: system(), strictness: 'LENIENT' });
    assert.equal(lenient.status, 'SUCCEEDED');
    assert.deepEqual(nonZero(lenient.entities), { orgs: { added: 1 } });
  });

  it('fails a package whose manifest and files disagree, naming the file', async () => {
    const dir = district12();
    const declaredAbsent = mkdtempSync(path.join(os.tmpdir(), 'oneroster-absent-'));
    cpSync(dir, declaredAbsent, { recursive: true });
    writeFileSync(path.join(declaredAbsent, 'lineItems.csv'), 'sourcedId\r\nx\r\n');
    const present = await importPackage(app, { path: declaredAbsent, system: system() });
    assert.equal(present.status, 'FAILED');
    assert.deepEqual(summarize(present.issues), ['ERROR oneroster.manifest.file_present lineItems.csv']);

    const missing = writePackage('1.2', { orgs: { mode: 'bulk', rows: [{ sourcedId: 'o1', name: 'School', type: 'school' }] } }, []);
    writeFileSync(
      path.join(missing, 'manifest.csv'),
      (await import('node:fs')).readFileSync(path.join(missing, 'manifest.csv'), 'utf8').replace('file.users,absent', 'file.users,bulk'),
    );
    const declared = await importPackage(app, { path: missing, system: system() });
    assert.equal(declared.status, 'FAILED');
    assert.match(declared.failureMessage ?? '', /file\.users is bulk but users\.csv is not in the package \[oneroster\.manifest\.file_missing\]/);
  });

  it('rejects duplicates, cycles, wrong-typed references and misplaced primaries, keeping each with its line', async () => {
    const dir = writePackage('1.2', {
      orgs: {
        mode: 'bulk',
        rows: [
          { sourcedId: 'd1', name: 'District', type: 'district' },
          { sourcedId: 's1', name: 'School', type: 'school', parentSourcedId: 'd1' },
          { sourcedId: 's1', name: 'Again', type: 'school' },
          { sourcedId: 'a', name: 'A', type: 'department', parentSourcedId: 'b' },
          { sourcedId: 'b', name: 'B', type: 'department', parentSourcedId: 'a' },
        ],
      },
      academicSessions: {
        mode: 'bulk',
        rows: [{ sourcedId: 't1', title: 'T', type: 'term', startDate: '2024-09-01', endDate: '2024-12-20', schoolYear: '2025' }],
      },
      courses: {
        mode: 'bulk',
        rows: [
          { sourcedId: 'c1', title: 'C', orgSourcedId: 's1', subjects: 'a,b', subjectCodes: 'x' },
          { sourcedId: 'c2', title: 'D', orgSourcedId: 's1', schoolYearSourcedId: 't1' },
          { sourcedId: 'c3', title: 'E', orgSourcedId: 's1' },
        ],
      },
      classes: { mode: 'bulk', rows: [{ sourcedId: 'k1', title: 'K', courseSourcedId: 'c3', classType: 'homeroom', schoolSourcedId: 's1', termSourcedIds: 't1' }] },
      users: { mode: 'bulk', rows: [{ sourcedId: 'u1', enabledUser: 'true', username: 'u', givenName: 'U', familyName: 'V' }] },
      enrollments: {
        mode: 'bulk',
        rows: [
          { sourcedId: 'e1', classSourcedId: 'k1', schoolSourcedId: 'd1', userSourcedId: 'u1', role: 'student' },
          { sourcedId: 'e2', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u1', role: 'student', primary: 'true' },
        ],
      },
      roles: {
        mode: 'bulk',
        rows: [
          { sourcedId: 'r1', userSourcedId: 'u1', roleType: 'primary', role: 'student', orgSourcedId: 's1' },
          { sourcedId: 'r2', userSourcedId: 'u1', roleType: 'primary', role: 'aide', orgSourcedId: 's1' },
        ],
      },
    });
    const strict = await importPackage(app, { path: dir, system: system() });
    assert.deepEqual(summarize(strict.issues), [
      'ERROR oneroster.row.duplicate orgs.csv sourcedId: 4',
      'ERROR oneroster.semantic.parent_cycle orgs.csv parentSourcedId: 5,6',
      'ERROR oneroster.semantic.primary_not_teacher enrollments.csv primary: 3',
      'ERROR oneroster.semantic.primary_role_multiple roles.csv roleType: 3',
      'ERROR oneroster.semantic.school_type enrollments.csv schoolSourcedId: 2',
      'ERROR oneroster.semantic.school_year_type courses.csv schoolYearSourcedId: 3',
      'ERROR oneroster.value.subjects_mismatch courses.csv subjectCodes: 2',
    ]);
    // Lenient mode imports the wrongly typed references and the misplaced primary, with warnings.
    const lenient = await importPackage(app, { path: dir, system: system(), strictness: 'LENIENT' });
    assert.deepEqual(
      summarize(lenient.issues).filter((i) => i.startsWith('WARNING')),
      [
        'WARNING oneroster.semantic.primary_not_teacher enrollments.csv primary: 3',
        'WARNING oneroster.semantic.school_type enrollments.csv schoolSourcedId: 2',
        'WARNING oneroster.semantic.school_year_type courses.csv schoolYearSourcedId: 3',
      ],
    );
    assert.deepEqual(lenient.entities['enrollments'], { added: 2, updated: 0, deleted: 0, unchanged: 0, rejected: 0 });
  });

  it('maps OneRoster 1.1 users.role and orgSourcedIds to one primary role per org', async () => {
    const sys = system();
    const dir = writePackage('1.1', {
      orgs: { mode: 'bulk', rows: [{ sourcedId: 's1', name: 'One', type: 'school' }, { sourcedId: 's2', name: 'Two', type: 'school' }] },
      users: {
        mode: 'bulk',
        rows: [{ sourcedId: 't1', enabledUser: 'true', orgSourcedIds: 's1,s2', role: 'teacher', username: 't', givenName: 'T', familyName: 'Eacher' }],
      },
    });
    const outcome = await importPackage(app, { path: dir, system: sys });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.issues.join('\n'));
    const roles = await q<{ org: string; role: string; role_type: string; sourced_id: string | null }>(
      `select o.sourced_id as org, r.role, r.role_type, r.sourced_id from role r join org o on o.id = r.org_id where r.system = $1 order by 1`,
      [sys],
    );
    assert.deepEqual(roles, [
      { org: 's1', role: 'teacher', role_type: 'primary', sourced_id: null },
      { org: 's2', role: 'teacher', role_type: 'primary', sourced_id: null },
    ]);
  });
});
