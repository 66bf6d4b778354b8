import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { RosterFactory } from '../factories/roster.factory';
import { tempDir } from '../ingest/fixtures';
import { startTestApp, type TestApp } from '../support/app';
import { group, ims, member, membership, person } from './fixtures';
import { importIms, REPO_ROOT, resetRoster, rosterView, waitForJob, writeXml, type ImsOutcome } from './support';

const CREATE = { createMissingUsers: true, createMissingCourses: true };

describe('IMS people and courses join the users and classes of other sources', () => {
  let app: TestApp;
  let f: RosterFactory;
  const tmp = tempDir('ims-identity');
  let n = 0;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    tmp.remove();
    await app.close();
  });
  beforeEach(async () => {
    await resetRoster(app);
    f = new RosterFactory(app.db.dataSource, 'sis');
  });

  const run = (xml: string, options: Record<string, unknown> = {}): Promise<ImsOutcome> => importIms(app, { path: writeXml(tmp.dir, `identity-${++n}.xml`, xml), options });

  /** A OneRoster-style user with the identifiers its importer writes. */
  async function sisUser(sourcedId: string, username: string, email: string): Promise<string> {
    const user = await f.user({ sourcedId, username, email });
    await f.identifiers([
      { userId: user.id, kind: 'sourcedId', value: sourcedId },
      { userId: user.id, kind: 'username', value: username },
      { userId: user.id, kind: 'email', value: email },
    ]);
    return user.id;
  }

  it('matches by sourcedId first, then by username or email; links are kept for membership-only files', async () => {
    await sisUser('p1', 'ada', 'ada@school.org');
    await sisUser('S-2', 'GRACE', 'grace@school.org');
    await sisUser('S-3', 'alan', 'Alan@School.org');
    const school = await f.org({ sourcedId: 'HIGH' });
    const course = await f.course({ orgId: school.id });
    await f.class({ sourcedId: 'G', courseId: course.id, schoolId: school.id });

    const out = await run(
      ims(person('p1'), person('p2', { userid: 'grace' }), person('p3', { userid: 'nobody', email: 'alan@school.org ' }), group('G'), membership('G', member('p1'), member('p2'), member('p3'))),
      CREATE,
    );
    assert.deepEqual(out.entities, { persons: { unchanged: 3, linked: 3 }, groups: { unchanged: 1, linked: 1 }, memberships: { added: 3 } });
    const view = await rosterView(app);
    assert.equal(view.users.length, 3, 'no IMS user was created');
    assert.deepEqual(view.enrollments, ['G S-2 student ..', 'G S-3 student ..', 'G p1 student ..']);
    const links = (await app.db.dataSource.query(`select sourced_id || ' ' || matched_by as l from ims_person_link order by 1`)) as { l: string }[];
    assert.deepEqual(links.map((r) => r.l), ['p1 sourcedId', 'p2 username', 'p3 email']);
    const enrollment = (await app.db.dataSource.query(`select o.sourced_id from enrollment e join org o on o.id = e.school_id limit 1`)) as { sourced_id: string }[];
    assert.equal(enrollment[0]?.sourced_id, 'HIGH', 'the enrolment is at the class’s school');

    // The next night's file has memberships only: the links still find everyone.
    const next = await run(ims(membership('G', member('p2', '<role roletype="02"><status>1</status></role>'))));
    assert.deepEqual(next.entities, { memberships: { added: 1 } });
  });

  it('never changes or deletes another source’s user or class; only links to them', async () => {
    await sisUser('p1', 'ada', 'ada@school.org');
    const school = await f.org({ sourcedId: 'HIGH' });
    await f.class({ sourcedId: 'G', schoolId: school.id, title: 'Their title' });
    const out = await run(ims(person('p1', { recstatus: '2', given: 'X' }), person('p1', { recstatus: '3' }), group('G', { recstatus: '2', short: 'Y' }), group('G', { recstatus: '3' })), {
      updateUsers: true,
      deleteUsers: true,
      updateCourses: true,
    });
    assert.deepEqual(out.issues, [
      'WARNING ims.person.not_owned 4 /enterprise/person[1] p1',
      'WARNING ims.person.not_owned 5 /enterprise/person[2] p1',
      'WARNING ims.group.not_owned 6 /enterprise/group[1] G',
      'WARNING ims.group.not_owned 7 /enterprise/group[2] G',
    ]);
    const view = await rosterView(app);
    assert.ok(view.users.every((u) => !u.includes('[deleted]')));
    assert.match(view.classes[0] ?? '', /\| Their title \|/);
  });

  it('an identifier shared by two users matches neither: the person is ambiguous and not enrolled', async () => {
    await sisUser('S-1', 'twin1', 'family@home.org');
    await sisUser('S-2', 'twin2', 'family@home.org');
    const out = await run(ims(person('p9', { userid: 'pupil9', email: 'family@home.org' }), group('G'), membership('G', member('p9'))), CREATE);
    assert.deepEqual(out.issues, ['ERROR ims.person.ambiguous 4 /enterprise/person[1] p9', 'ERROR ims.member.person_ambiguous 6 /enterprise/membership[1]/member[1]/role[1] G p9']);
    assert.equal((await rosterView(app)).users.length, 2);
  });

  it('within the IMS system a sourcedid is a person: two pupils with one family email stay two users', async () => {
    const out = await run(ims(person('k1', { email: 'family@home.org' }), person('k2', { email: 'family@home.org' })), CREATE);
    assert.deepEqual(out.entities, { persons: { added: 2 } });
    const next = await run(ims(person('k3', { email: 'family@home.org' })), CREATE);
    assert.deepEqual(next.entities, { persons: { added: 1 } });
    assert.equal((await rosterView(app)).users.length, 3);
  });

  it('end to end: a OneRoster import, then an IMS file naming its users and class by sourcedId', async () => {
    const roster = path.resolve(REPO_ROOT, '../shared/samples/oneroster/edfi-lms-toolkit/v1p1');
    const job = await app.runtime.services.syncJobs.enqueue({ kind: 'oneroster', sourceLabel: 'v1p1', params: { path: roster, strictness: 'LENIENT', system: 'sis' } });
    assert.equal((await waitForJob(app, job.id)).status, 'SUCCEEDED');
    const klass = '25590100101Trad120ENG112011';
    const out = await run(ims(person('604863', { userid: 'someone-else', email: null }), membership(klass, member('604863', '<role roletype="08"><status>1</status></role>'))));
    assert.deepEqual(out.entities, { persons: { unchanged: 1, linked: 1 }, groups: { linked: 1 }, memberships: { added: 1 } });
    const rows = (await app.db.dataSource.query(
      `select e.system, e.role, u.system as user_system, u.given_name, c.system as class_system from enrollment e
         join roster_user u on u.id = e.user_id join class c on c.id = e.class_id where e.system = 'ims'`,
    )) as unknown[];
    assert.deepEqual(rows, [{ system: 'ims', role: 'teacher', user_system: 'sis', given_name: 'Mary', class_system: 'sis' }]);
  });

  it('a course code that is the sourcedId of classes in two sources is ambiguous', async () => {
    const school = await f.org();
    await f.class({ sourcedId: 'G', schoolId: school.id });
    await new RosterFactory(app.db.dataSource, 'other').class({ sourcedId: 'G', schoolId: school.id });
    const out = await run(ims(group('G'), membership('G', member('p1'))), CREATE);
    assert.deepEqual(out.issues, ['ERROR ims.group.ambiguous 4 /enterprise/group[1] G', 'ERROR ims.membership.group_ambiguous 5 /enterprise/membership[1] G']);
  });
});
