import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { ImsJobParams } from '../../src/ims';
import { tempDir } from '../ingest/fixtures';
import { startTestApp, type TestApp } from '../support/app';
import { group, ims, member, membership, person } from './fixtures';
import { importIms, resetRoster, rosterView, writeXml, type ImsOutcome } from './support';

describe('IMS <group>: every recstatus and option', () => {
  let app: TestApp;
  const tmp = tempDir('ims-groups');
  let n = 0;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    tmp.remove();
    await app.close();
  });
  beforeEach(() => resetRoster(app));

  const run = (xml: string, options: Record<string, unknown> = {}, extra: Partial<ImsJobParams> = {}): Promise<ImsOutcome> =>
    importIms(app, { path: writeXml(tmp.dir, `groups-${++n}.xml`, xml), options, ...extra });

  it('an unknown course is skipped without createMissingCourses and created with it (course, class, default school)', async () => {
    const xml = ims(group('G1'));
    assert.deepEqual((await run(xml)).issues, ['WARNING ims.group.not_created 4 /enterprise/group[1] G1']);
    const out = await run(xml, { createMissingCourses: true });
    assert.deepEqual(out.entities, { orgs: { added: 1 }, groups: { added: 1 } });
    const view = await rosterView(app);
    assert.deepEqual(view.courses, ['ims G1 | Course G1 | G1']);
    assert.deepEqual(view.classes, ['ims G1 | Course G1 | G1 | school default-school']);
    const org = (await app.db.dataSource.query(`select system, sourced_id, name, type from org`)) as unknown[];
    assert.deepEqual(org, [{ system: 'ims', sourced_id: 'default-school', name: 'IMS Enterprise: test SIS', type: 'school' }]);
  });

  it('2 (update): ignored unless updateCourses; then the mapped names are written, and a missing field keeps the stored name', async () => {
    await run(ims(group('G1', { short: 'Old' })), { createMissingCourses: true });
    const update = ims(group('G1', { recstatus: '2', short: 'New' }), group('G1', { recstatus: '2', short: '' }));
    const ignored = await run(update);
    assert.deepEqual(ignored.issues, ['WARNING ims.group.update_ignored 4 /enterprise/group[1] G1', 'WARNING ims.group.update_ignored 5 /enterprise/group[2] G1']);
    const applied = await run(update, { updateCourses: true });
    assert.deepEqual(applied.entities, { groups: { updated: 1, unchanged: 1 } });
    assert.deepEqual((await rosterView(app)).classes, ['ims G1 | New | G1 | school default-school']);
  });

  it('3 (delete) hides the course and class (enrolments kept); an add brings them back', async () => {
    await run(ims(person('p1'), group('G1'), membership('G1', member('p1'))), { createMissingUsers: true, createMissingCourses: true });
    const hidden = await run(ims(group('G1', { recstatus: '3' })));
    assert.deepEqual(hidden.entities, { groups: { deleted: 1 } });
    let view = await rosterView(app);
    assert.deepEqual(view.courses, ['ims G1 | Course G1 | G1 [deleted]']);
    assert.deepEqual(view.enrollments, ['G1 p1 student ..']);
    assert.deepEqual((await run(ims(group('G1', { recstatus: '3' }), '<!-- again -->'))).entities, { groups: { unchanged: 1 } });
    const back = await run(ims(group('G1')));
    assert.deepEqual(back.entities, { groups: { updated: 1 } });
    view = await rosterView(app);
    assert.deepEqual(view.courses, ['ims G1 | Course G1 | G1']);
  });

  it('the course mapping picks title, code and summary; a missing field falls back to the course code with a warning', async () => {
    const xml = ims(group('G1', { short: 'S1', long: 'Long one', full: 'Full one' }), group('G2', { short: 'S2' }));
    const out = await run(xml, { createMissingCourses: true, courseMapping: { title: 'LONG', courseCode: 'SHORT', summary: 'FULL' } });
    assert.deepEqual(out.issues, ['WARNING ims.group.name_fallback 5 /enterprise/group[2] G2']);
    assert.deepEqual((await rosterView(app)).courses, ['ims G1 | Long one | S1', 'ims G2 | G2 | S2']);
    const summary = (await app.db.dataSource.query(`select metadata ->> 'summary' as s from course where sourced_id = 'G1'`)) as { s: string }[];
    assert.equal(summary[0]?.s, 'Full one');
  });

  it('truncateCourseCodes cuts group and membership codes alike, so they still meet', async () => {
    const out = await run(ims(person('p1'), group('COURSE-2025-SECTION-A'), membership('COURSE-2025-SECTION-B', member('p1'))), {
      createMissingUsers: true,
      createMissingCourses: true,
      truncateCourseCodes: 11,
    });
    assert.deepEqual(out.entities, { orgs: { added: 1 }, persons: { added: 1 }, groups: { added: 1 }, memberships: { added: 1 } });
    assert.deepEqual((await rosterView(app)).enrollments, ['COURSE-2025 p1 student ..']);
  });

  it('schoolSourcedId puts new classes in an existing org; one that does not exist fails the import before anything applies', async () => {
    await app.db.dataSource.query(`insert into org (system, sourced_id, name, type) values ('sis', 'HIGH', 'High School', 'school')`);
    await run(ims(group('G1')), { createMissingCourses: true, schoolSourcedId: 'HIGH' });
    assert.deepEqual((await rosterView(app)).classes, ['ims G1 | Course G1 | G1 | school HIGH']);
    const failed = await run(ims(group('G2')), { createMissingCourses: true, schoolSourcedId: 'NOPE' });
    assert.equal(failed.status, 'FAILED');
    assert.equal(failed.failureCode, 'BAD_USER_INPUT');
    assert.match(failed.failureMessage ?? '', /schoolSourcedId "NOPE" names no org/);
    assert.equal((await rosterView(app)).classes.length, 1);
  });

  it('a group without a course code is rejected; a membership of an unknown course is one issue for all its members', async () => {
    const out = await run(ims('<group><description><short>x</short></description></group>', membership('NOWHERE', member('a'), member('b'))), { createMissingCourses: false });
    assert.deepEqual(out.issues, ['ERROR ims.group.id_missing 4 /enterprise/group[1] -', 'ERROR ims.membership.group_unknown 5 /enterprise/membership[1] NOWHERE']);
    assert.deepEqual(out.entities, { groups: { rejected: 1 }, memberships: { rejected: 2 } });
  });
});
