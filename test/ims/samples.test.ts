import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { RosterFactory } from '../factories/roster.factory';
import { tempDir } from '../ingest/fixtures';
import { startTestApp, type TestApp } from '../support/app';
import { importIms, resetRoster, rosterView, sample } from './support';

const CREATE = { createMissingUsers: true, createMissingCourses: true };
const PHRE = 'PHRE1001A2005/06T1/2';

/** The roster Moodle makes from example.xml with createnewusers and createnewcourses on. */
const EXAMPLE_ROSTER = {
  courses: [`ims ${PHRE} | Phrenology | ${PHRE}`],
  classes: [`ims ${PHRE} | Phrenology | ${PHRE} | school default-school`],
  users: ['ims 90078058 IMGBY26 CHLOE PIOTROWSKA', 'ims 90182274 IMCAY21 ALIZA YEBOAH', 'ims 90528553 IMGBX76 MIRIAM RAJAKUMAR', 'ims DSTOW61 CCAADAS DAN STOWELL'],
  enrollments: [`${PHRE} 90078058 student ..`, `${PHRE} 90182274 student ..`, `${PHRE} 90528553 student ..`, `${PHRE} DSTOW61 teacher ..`],
  groups: [],
};

describe('IMS samples, each with its exact outcome', () => {
  let app: TestApp;
  const tmp = tempDir('ims-samples');
  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    tmp.remove();
    await app.close();
  });
  beforeEach(() => resetRoster(app));

  it('example.xml with Moodle’s defaults creates nothing and says why for every element', async () => {
    const out = await importIms(app, { path: sample('moodle-examples/example.xml') });
    assert.equal(out.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual(out.entities, { persons: { skipped: 5 }, groups: { skipped: 1 }, memberships: { rejected: 5 } });
    assert.deepEqual(out.counts, { added: 0, updated: 0, deleted: 0, unchanged: 6, rejected: 5, warnings: 6 });
    assert.deepEqual(out.issues, [
      'WARNING ims.person.not_created 7 /enterprise/person[1] 91046433',
      'WARNING ims.person.not_created 24 /enterprise/person[2] 90078058',
      'WARNING ims.person.not_created 41 /enterprise/person[3] 90182274',
      'WARNING ims.person.not_created 58 /enterprise/person[4] 90528553',
      'WARNING ims.person.not_created 75 /enterprise/person[5] DSTOW61',
      `WARNING ims.group.not_created 92 /enterprise/group[1] ${PHRE}`,
      `ERROR ims.membership.group_unknown 105 /enterprise/membership[1] ${PHRE}`,
    ]);
    assert.deepEqual(await rosterView(app), { courses: [], classes: [], users: [], enrollments: [], groups: [] });
  });

  it('example.xml creating users and courses gives the course and enrolments Moodle makes, and names the two it skips', async () => {
    const out = await importIms(app, { path: sample('moodle-examples/example.xml'), mode: 'STRICT', options: CREATE });
    assert.equal(out.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual(out.entities, { orgs: { added: 1 }, persons: { added: 4, rejected: 1 }, groups: { added: 1 }, memberships: { added: 4, rejected: 1 } });
    assert.deepEqual(out.issues, [
      'ERROR ims.person.username_missing 7 /enterprise/person[1] 91046433',
      `ERROR ims.member.person_unknown 116 /enterprise/membership[1]/member[1]/role[1] ${PHRE} 91046433`,
    ]);
    assert.deepEqual(await rosterView(app), EXAMPLE_ROSTER);
  });

  it('example-oneline.xml (no line breaks) gives the same roster, told apart by element paths', async () => {
    const out = await importIms(app, { path: sample('moodle-examples/example-oneline.xml'), mode: 'STRICT', options: CREATE });
    assert.deepEqual(out.entities, { orgs: { added: 1 }, persons: { added: 4, rejected: 1 }, groups: { added: 1 }, memberships: { added: 4, rejected: 1 } });
    assert.deepEqual(out.issues, [
      'ERROR ims.person.username_missing 1 /enterprise/person[1] 91046433',
      `ERROR ims.member.person_unknown 1 /enterprise/membership[1]/member[1]/role[1] ${PHRE} 91046433`,
    ]);
    assert.deepEqual(await rosterView(app), EXAMPLE_ROSTER);
  });

  it('example-grouped.xml: a delete for an unknown course creates it (as Moodle does), cohorts fill class groups, restricted dates bound the enrolment', async () => {
    const out = await importIms(app, { path: sample('moodle-examples/example-grouped.xml'), options: CREATE });
    assert.equal(out.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual(out.entities, {
      orgs: { added: 1 },
      persons: { added: 4, rejected: 1 },
      groups: { added: 1 },
      memberships: { added: 3, skipped: 1, rejected: 1 },
      classGroups: { added: 2 },
      classGroupMembers: { added: 2 },
    });
    assert.deepEqual(out.issues, [
      'ERROR ims.person.username_missing 8 /enterprise/person[1] 91046433',
      `WARNING ims.group.created_on_delete 93 /enterprise/group[1] ${PHRE}`,
      `ERROR ims.member.person_unknown 117 /enterprise/membership[1]/member[1]/role[1] ${PHRE} 91046433`,
      `WARNING ims.member.unenrol_ignored 129 /enterprise/membership[1]/member[2]/role[1] ${PHRE} 90078058`,
    ]);
    const view = await rosterView(app);
    assert.deepEqual(view.enrollments, [`${PHRE} 90182274 student ..`, `${PHRE} 90528553 student 2005-12-25..2005-12-31`, `${PHRE} DSTOW61 teacher ..`]);
    assert.deepEqual(view.groups, [`${PHRE} green team: 90182274`, `${PHRE} yellow team: 90528553`]);
    assert.deepEqual(view.courses, [`ims ${PHRE} | Phrenology | ${PHRE}`]);
  });

  it('small.xml (junk after </enterprise>): tolerant mode applies every complete element and reports the orphan; strict mode applies nothing', async () => {
    const strict = await importIms(app, { path: sample('thunderbird-colleague/small.xml'), mode: 'STRICT', options: CREATE });
    assert.equal(strict.status, 'FAILED');
    assert.equal(strict.failureCode, 'INVALID_FILE');
    assert.match(strict.failureMessage ?? '', /^small\.xml, line 182, column "character 14": the XML is not well-formed: documents may contain only one root .*\[ims\.xml\.malformed\]$/);
    assert.deepEqual((await rosterView(app)).users, []);

    const out = await importIms(app, { path: sample('thunderbird-colleague/small.xml'), options: CREATE });
    assert.equal(out.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual(out.entities, { orgs: { added: 1 }, persons: { added: 4 }, groups: { added: 2 }, memberships: { added: 4, rejected: 1 } });
    assert.deepEqual(out.issues, ['WARNING ims.xml.after_root 182 - -', 'ERROR ims.member.orphan 182 /member -']);
    const view = await rosterView(app);
    assert.deepEqual(view.classes, ['ims 14406 | GM 4000 A3 (2011FA) | 14406 | school default-school', 'ims 14893 | ACT 4000 C1 (2011FA) | 14893 | school default-school']);
    assert.deepEqual(view.enrollments, ['14406 1142412 teacher ..', '14406 1434281 student ..', '14406 1461544 student ..', '14893 1091072 teacher ..']);
    assert.deepEqual(view.users, [
      'ims 1091072 1091072 User User 1091072@thunderbird.edu',
      'ims 1142412 1142412 User User 1142412@thunderbird.edu',
      'ims 1434281 1434281 User User 1434281@thunderbird.edu',
      'ims 1461544 1461544 User User 1461544@thunderbird.edu',
    ]);
  });

  it('one-course-one-student.xml (a newline before <?xml): tolerant mode reads it with a warning; strict mode names line 2', async () => {
    const strict = await importIms(app, { path: sample('thunderbird-colleague/one-course-one-student.xml'), mode: 'STRICT', options: CREATE });
    assert.equal(strict.status, 'FAILED');
    assert.match(strict.failureMessage ?? '', /line 2, .*an XML declaration must be at the start of the document/);

    const out = await importIms(app, { path: sample('thunderbird-colleague/one-course-one-student.xml'), options: CREATE });
    assert.equal(out.status, 'SUCCEEDED');
    assert.deepEqual(out.entities, { orgs: { added: 1 }, persons: { added: 1 }, groups: { added: 1 }, memberships: { added: 1 } });
    assert.deepEqual(out.issues, ['WARNING ims.xml.declaration_not_first 2 - -']);
    assert.deepEqual((await rosterView(app)).enrollments, ['11111 9913421 teacher ..']);
  });

  it('one-course-no-student.xml: the course, and an empty membership that changes nothing', async () => {
    const out = await importIms(app, { path: sample('thunderbird-colleague/one-course-no-student.xml'), mode: 'STRICT', options: CREATE });
    assert.equal(out.status, 'SUCCEEDED');
    assert.deepEqual(out.entities, { orgs: { added: 1 }, groups: { added: 1 } });
    assert.deepEqual(out.issues, []);
    const course = (await app.db.dataSource.query(`select title, course_code, metadata from course`)) as { metadata: Record<string, unknown> }[];
    assert.deepEqual(course, [{ title: 'Thunderstart 2011', course_code: '11111', metadata: { orgUnits: ['2011FA'] } }]);
    const klass = (await app.db.dataSource.query(`select metadata from class`)) as { metadata: Record<string, unknown> }[];
    assert.deepEqual(klass[0]?.metadata, { timeframe: { begin: '2011-07-01', end: '2011-12-31', adminPeriod: '2011FA' } });
  });

  it('ims-data.xml (memberships only): members enrol where users of another source carry their sourcedId, and each other member is named', async () => {
    const xml = readFileSync(sample('thunderbird-colleague/ims-data.xml'), 'latin1');
    const members = [...xml.matchAll(/<member>\s*<sourcedid>\s*<source>[^<]*<\/source>\s*<id>(\d+)<\/id>/g)].map((m) => m[1] as string);
    assert.equal(members.length, 142);
    const known = [...new Set(members)].slice(0, 20);
    const f = new RosterFactory(app.db.dataSource, 'sis');
    const users = await f.users(known.length, (i) => ({ sourcedId: `U-${known[i]}` }));
    await f.identifiers(users.map((u, i) => ({ userId: u.id, kind: 'sourcedId', value: known[i] as string })));
    const enrolled = members.filter((m) => known.includes(m)).length;

    const out = await importIms(app, { path: sample('thunderbird-colleague/ims-data.xml'), mode: 'STRICT', options: { createMissingCourses: true } });
    assert.equal(out.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual(out.entities, { orgs: { added: 1 }, persons: { linked: known.length }, groups: { added: 3 }, memberships: { added: enrolled, rejected: 142 - enrolled } });
    assert.equal(out.issues.length, 142 - enrolled);
    assert.ok(out.issues.every((i) => i.startsWith('ERROR ims.member.person_unknown ')));
    const view = await rosterView(app);
    assert.equal(view.enrollments.length, enrolled);
    assert.ok(view.enrollments.every((e) => /^15(391|476|826) U-\d+ (student|teacher) \.\.$/.test(e)), view.enrollments.join('\n'));
    assert.equal(view.users.length, known.length, 'no IMS user was made: they are the other source’s users');
  });

  it('re-importing changes nothing: the same file is a duplicate, the same data in another file is all unchanged', async () => {
    const first = await importIms(app, { path: sample('moodle-examples/example.xml'), options: CREATE });
    const before = await rosterView(app);
    const updatedAt = await app.db.dataSource.query(`select max(updated_at) as t from enrollment`);

    const again = await importIms(app, { path: sample('moodle-examples/example.xml'), options: CREATE });
    assert.equal(again.status, 'SUCCEEDED');
    assert.deepEqual(again.issues, [`WARNING ingest.file.duplicate - - -`]);
    assert.equal(again.result['duplicateOfJob'], first.id);

    const copy = tmp.file('example-next-night.xml');
    copyFileSync(sample('moodle-examples/example.xml'), copy);
    appendFileSync(copy, '\n<!-- the next night: nothing changed -->\n');
    const next = await importIms(app, { path: copy, options: CREATE });
    assert.equal(next.status, 'COMPLETED_WITH_ERRORS', 'the person without a username is still reported');
    assert.deepEqual(next.entities, { persons: { unchanged: 4, rejected: 1 }, groups: { unchanged: 1 }, memberships: { unchanged: 4, rejected: 1 } });
    assert.deepEqual(next.counts, { added: 0, updated: 0, deleted: 0, unchanged: 9, rejected: 2, warnings: 0 });
    assert.deepEqual(await rosterView(app), before);
    assert.deepEqual(await app.db.dataSource.query(`select max(updated_at) as t from enrollment`), updatedAt);

    // The same bytes with other options are another reading of the file, so they apply.
    const other = await importIms(app, { path: sample('moodle-examples/example.xml'), options: { ...CREATE, unenrol: true } });
    assert.deepEqual(other.entities, { persons: { unchanged: 4, rejected: 1 }, groups: { unchanged: 1 }, memberships: { unchanged: 4, rejected: 1 } });
  });

  it('example-grouped.xml the next night: the group’s recstatus 3 now hides the course it created, as in Moodle', async () => {
    await importIms(app, { path: sample('moodle-examples/example-grouped.xml'), options: CREATE });
    const copy = tmp.file('example-grouped-next-night.xml');
    copyFileSync(sample('moodle-examples/example-grouped.xml'), copy);
    appendFileSync(copy, '\n');
    const next = await importIms(app, { path: copy, options: CREATE });
    assert.deepEqual(next.entities, { persons: { unchanged: 4, rejected: 1 }, groups: { deleted: 1 }, memberships: { unchanged: 3, skipped: 1, rejected: 1 } });
    const view = await rosterView(app);
    assert.deepEqual(view.courses, [`ims ${PHRE} | Phrenology | ${PHRE} [deleted]`]);
    assert.equal(view.enrollments.length, 3, 'a hidden course keeps its enrolments');
  });
});
