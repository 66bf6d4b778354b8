import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { district12, writePackage } from './fixtures';
import { importPackage, nonZero, summarize } from './support';

const AT = '2025-02-01T10:00:00.000Z';
const live = { status: 'active', dateLastModified: AT };
const gone = { status: 'tobedeleted', dateLastModified: AT };

describe('OneRoster delta references', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());
  const q = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await app.db.dataSource.query(sql, params)) as T[];

  it("resolve against the delta's own rows first (a delete hides the stored record), then the live stored records", async () => {
    const sys = 'delta-refs';
    await importPackage(app, { path: district12(), system: sys });
    const delta = writePackage('1.2', {
      // s2 is deleted by this delta; d1 is stored (a district, not a school) and not sent.
      orgs: { mode: 'delta', rows: [{ sourcedId: 's2', ...gone, name: 'South School', type: 'school', parentSourcedId: 'd1' }] },
      classes: {
        mode: 'delta',
        rows: [
          // Course, school and term are stored only.
          { sourcedId: 'k3', ...live, title: 'Maths 9C', courseSourcedId: 'c1', classType: 'scheduled', schoolSourcedId: 's1', termSourcedIds: 't1,t2' },
          { sourcedId: 'k4', ...live, title: 'Maths 9D', courseSourcedId: 'c1', classType: 'scheduled', schoolSourcedId: 's1', termSourcedIds: 't1,nowhere' },
        ],
      },
      users: {
        mode: 'delta',
        rows: [
          { sourcedId: 'u2', ...gone, enabledUser: 'true', username: 'alan', givenName: 'Alan', familyName: 'Turing' },
          { sourcedId: 'u5', ...live, enabledUser: 'true', username: 'new', givenName: 'New', familyName: 'Pupil', agentSourcedIds: 'u4' },
          { sourcedId: 'u6', ...live, enabledUser: 'true', username: 'other', givenName: 'Other', familyName: 'Pupil', agentSourcedIds: 'u2' },
        ],
      },
      enrollments: {
        mode: 'delta',
        rows: [
          { sourcedId: 'e5', ...live, classSourcedId: 'k3', schoolSourcedId: 's1', userSourcedId: 'u5', role: 'student' },
          { sourcedId: 'e6', ...live, classSourcedId: 'k1', schoolSourcedId: 's2', userSourcedId: 'u1', role: 'student' },
          { sourcedId: 'e7', ...live, classSourcedId: 'k1', schoolSourcedId: 'd1', userSourcedId: 'u1', role: 'student' },
          { sourcedId: 'e8', ...live, classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u2', role: 'student' },
          { sourcedId: 'e9', ...live, classSourcedId: 'k4', schoolSourcedId: 's1', userSourcedId: 'u1', role: 'student' },
          { sourcedId: 'e10', ...live, classSourcedId: 'k2', schoolSourcedId: 's1', userSourcedId: 'u4', role: 'student' },
        ],
      },
    });
    const applied = await importPackage(app, { path: delta, system: sys });
    assert.equal(applied.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual(summarize(applied.issues), [
      'ERROR oneroster.reference.missing classes.csv termSourcedIds: 3',
      'ERROR oneroster.reference.missing enrollments.csv classSourcedId: 6',
      'ERROR oneroster.reference.missing enrollments.csv schoolSourcedId: 3',
      'ERROR oneroster.reference.missing enrollments.csv userSourcedId: 5',
      'ERROR oneroster.reference.missing users.csv agentSourcedIds: 4',
      'ERROR oneroster.semantic.school_type enrollments.csv schoolSourcedId: 4',
    ]);
    assert.deepEqual(nonZero(applied.entities), {
      orgs: { deleted: 1 },
      classes: { added: 1, rejected: 1 },
      users: { added: 1, deleted: 1, rejected: 1 },
      enrollments: { added: 2, rejected: 4 },
    });
    const enrolled = await q<{ sourced_id: string; class: string; usr: string }>(
      `select e.sourced_id, c.sourced_id as class, u.sourced_id as usr from enrollment e join class c on c.id = e.class_id join roster_user u on u.id = e.user_id
        where e.system = $1 and e.sourced_id in ('e5', 'e10') order by e.sourced_id`,
      [sys],
    );
    assert.deepEqual(enrolled, [
      { sourced_id: 'e10', class: 'k2', usr: 'u4' },
      { sourced_id: 'e5', class: 'k3', usr: 'u5' },
    ]);

    // What a delta deleted is no longer there to point at.
    const later = writePackage('1.2', {
      enrollments: {
        mode: 'delta',
        rows: [
          { sourcedId: 'e11', ...live, classSourcedId: 'k1', schoolSourcedId: 's2', userSourcedId: 'u1', role: 'student' },
          { sourcedId: 'e12', ...live, classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u2', role: 'student' },
        ],
      },
    });
    const refused = await importPackage(app, { path: later, system: sys });
    assert.deepEqual(summarize(refused.issues), [
      'ERROR oneroster.reference.missing enrollments.csv schoolSourcedId: 2',
      'ERROR oneroster.reference.missing enrollments.csv userSourcedId: 3',
    ]);
    assert.deepEqual(nonZero(refused.entities), { enrollments: { rejected: 2 } });
  });
});
