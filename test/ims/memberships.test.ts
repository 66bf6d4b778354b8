import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { ImsJobParams } from '../../src/ims';
import { tempDir } from '../ingest/fixtures';
import { startTestApp, type TestApp } from '../support/app';
import { group, ims, member, membership, person, role } from './fixtures';
import { importIms, resetRoster, rosterView, writeXml, type ImsOutcome } from './support';

const CREATE = { createMissingUsers: true, createMissingCourses: true };

describe('IMS <membership>: roles, status, unenrol actions, dates, cohorts', () => {
  let app: TestApp;
  const tmp = tempDir('ims-members');
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
    importIms(app, { path: writeXml(tmp.dir, `members-${++n}.xml`, xml), options, ...extra });
  const enrollments = async (): Promise<string[]> => (await rosterView(app)).enrollments;

  /** p1 and p2 in G with cohort "red", both students. */
  async function enrolled(): Promise<void> {
    await run(ims(person('p1'), person('p2'), group('G'), membership('G', member('p1', role({ cohort: 'red' })), member('p2', role({ cohort: 'red' })))), CREATE);
  }
  const unenrolP1 = (how: 'status' | 'recstatus'): string => ims(membership('G', member('p1', how === 'status' ? role({ status: '0' }) : role({ recstatus: '3' }))));

  it('status 0 and recstatus 3 are ignored (and said so) unless unenrol is on', async () => {
    await enrolled();
    for (const how of ['status', 'recstatus'] as const) {
      const out = await run(unenrolP1(how));
      assert.deepEqual(out.issues, ['WARNING ims.member.unenrol_ignored 4 /enterprise/membership[1]/member[1]/role[1] G p1']);
    }
    assert.deepEqual(await enrollments(), ['G p1 student ..', 'G p2 student ..']);
  });

  it('UNENROL ends every IMS enrolment of the user in the class and takes them out of its IMS groups', async () => {
    await enrolled();
    const out = await run(unenrolP1('status'), { unenrol: true, unenrolAction: 'UNENROL' });
    assert.deepEqual(out.entities, { memberships: { deleted: 1 }, classGroupMembers: { deleted: 1 } });
    const view = await rosterView(app);
    assert.deepEqual(view.enrollments, ['G p1 student .. [deleted]', 'G p2 student ..']);
    assert.deepEqual(view.groups, ['G red: p2']);
    assert.deepEqual((await run(unenrolP1('recstatus'), { unenrol: true })).entities, { memberships: { unchanged: 1 } });
    // Enrolled again, the user is back in the class (the group place is for the cohort to give).
    const back = await run(ims(membership('G', member('p1'))), { unenrol: true });
    assert.deepEqual(back.entities, { memberships: { updated: 1 } });
    assert.deepEqual(await enrollments(), ['G p1 student ..', 'G p2 student ..']);
  });

  it('KEEP changes nothing and says the instruction was kept', async () => {
    await enrolled();
    const out = await run(unenrolP1('recstatus'), { unenrol: true, unenrolAction: 'KEEP' });
    assert.deepEqual(out.issues, ['WARNING ims.member.unenrol_kept 4 /enterprise/membership[1]/member[1]/role[1] G p1']);
    assert.deepEqual(await enrollments(), ['G p1 student ..', 'G p2 student ..']);
  });

  it('SUSPEND marks the enrolments suspended (groups kept); the next enrol lifts it', async () => {
    await enrolled();
    const out = await run(unenrolP1('status'), { unenrol: true, unenrolAction: 'SUSPEND' });
    assert.deepEqual(out.entities, { memberships: { updated: 1 } });
    assert.deepEqual(await enrollments(), ['G p1 student .. [suspended]', 'G p2 student ..']);
    assert.deepEqual((await rosterView(app)).groups, ['G red: p1,p2']);
    assert.deepEqual((await run(unenrolP1('status') + ' ', { unenrol: true, unenrolAction: 'SUSPEND' })).entities, { memberships: { unchanged: 1 } });
    await run(ims(membership('G', member('p1'))));
    assert.deepEqual(await enrollments(), ['G p1 student ..', 'G p2 student ..']);
  });

  it('SUSPEND_REMOVE_ROLES suspends and ends the roles (our enrolments are the roles)', async () => {
    await enrolled();
    const out = await run(unenrolP1('recstatus'), { unenrol: true, unenrolAction: 'SUSPEND_REMOVE_ROLES' });
    assert.deepEqual(out.entities, { memberships: { deleted: 1 } });
    assert.deepEqual(await enrollments(), ['G p1 student .. [suspended] [deleted]', 'G p2 student ..']);
  });

  it('roles map by number or name (and Capita’s <roletype> element); Manager and Administrator are ignored by default; the map is configurable', async () => {
    const xml = ims(
      person('p1'),
      person('p2'),
      person('p3'),
      person('p4'),
      group('G'),
      membership(
        'G',
        member('p1', role({ roletype: 'Instructor' })),
        member('p2', role({ roletype: '05' })),
        member('p3', '<role><roletype>02</roletype><status>1</status></role>'),
        member('p4', role({ roletype: '07' })),
      ),
    );
    const defaults = await run(xml, CREATE);
    assert.deepEqual(defaults.issues, [
      'WARNING ims.role.unmapped 9 /enterprise/membership[1]/member[2]/role[1] G p2',
      'WARNING ims.role.unmapped 9 /enterprise/membership[1]/member[4]/role[1] G p4',
    ]);
    assert.deepEqual(await enrollments(), ['G p1 teacher ..', 'G p3 teacher ..']);
    await run(xml + ' ', { ...CREATE, roleMap: { '05': 'ext:manager', Administrator: 'administrator', '02': 'proctor' } });
    assert.deepEqual(await enrollments(), ['G p1 proctor ..', 'G p2 ext:manager ..', 'G p3 proctor ..', 'G p4 administrator ..']);
    const message = (await app.db.dataSource.query(`select message from sync_job_issue where code = 'ims.role.unmapped' limit 1`)) as { message: string }[];
    assert.match(message[0]?.message ?? '', /\(role type 05\)$/);
  });

  it('every role of a member applies (Moodle reads only the first)', async () => {
    await run(ims(person('p1'), group('G'), membership('G', member('p1', role({ roletype: '01' }), role({ roletype: '06' })))), CREATE);
    assert.deepEqual(await enrollments(), ['G p1 student ..', 'G p1 teacher ..']);
  });

  it('only restrict="1" dates bound an enrolment; a restricted date that is no date is reported and left open', async () => {
    const xml = ims(
      person('p1'),
      person('p2'),
      person('p3'),
      group('G'),
      membership(
        'G',
        member('p1', role({ begin: '2025-09-01', end: '2026-06-30' })),
        member('p2', role({ begin: '2025-09-01', restrict: false })),
        member('p3', role({ begin: '01/09/2025', end: '2026-02-30' })),
      ),
    );
    const out = await run(xml, CREATE);
    assert.deepEqual(out.issues, [
      'WARNING ims.timeframe.invalid 8 /enterprise/membership[1]/member[3]/role[1] G p3',
      'WARNING ims.timeframe.invalid 8 /enterprise/membership[1]/member[3]/role[1] G p3',
    ]);
    assert.deepEqual(await enrollments(), ['G p1 student 2025-09-01..2026-06-30', 'G p2 student ..', 'G p3 student ..']);
  });

  it('refuses members it cannot apply: no status, no role, a group as member, no sourcedid', async () => {
    const xml = ims(
      person('p1'),
      group('G'),
      membership(
        'G',
        member('p1', role({ status: null })),
        '<member><sourcedid><id>p1</id></sourcedid><idtype>1</idtype></member>',
        '<member><sourcedid><id>G2</id></sourcedid><idtype idtype="2"/><role roletype="01"><status>1</status></role></member>',
        '<member><idtype>1</idtype><role roletype="01"><status>1</status></role></member>',
        member('p1', role({ roletype: '' })),
      ),
    );
    const out = await run(xml, CREATE);
    assert.deepEqual(
      out.issues.map((i) => i.split(' ').slice(0, 4).join(' ')),
      [
        'ERROR ims.role.status_missing 6 /enterprise/membership[1]/member[1]/role[1]',
        'ERROR ims.member.role_missing 6 /enterprise/membership[1]/member[2]',
        'ERROR ims.member.group_member 6 /enterprise/membership[1]/member[3]',
        'ERROR ims.member.id_missing 6 /enterprise/membership[1]/member[4]',
        'ERROR ims.role.type_missing 6 /enterprise/membership[1]/member[5]/role[1]',
      ],
    );
    assert.deepEqual(out.entities['memberships'], { rejected: 5 });
  });

  it('an enrol and a later unenrol of the same person in one file end unenrolled, in file order', async () => {
    const xml = ims(person('p1'), group('G'), membership('G', member('p1')), membership('G', member('p1', role({ status: '0' }))));
    const out = await run(xml, { ...CREATE, unenrol: true });
    assert.deepEqual(out.entities['memberships'], { added: 1, deleted: 1 });
    assert.deepEqual(await enrollments(), ['G p1 student .. [deleted]']);
  });

  it('restrictTarget applies a file only when its <properties> name the target', async () => {
    const xml = ims(person('p1'), group('G'), membership('G', member('p1')));
    const other = await run(xml, { ...CREATE, restrictTarget: 'blackboard' });
    assert.equal(other.status, 'SUCCEEDED');
    assert.deepEqual(other.issues, ['WARNING ims.properties.target_mismatch - - -']);
    assert.deepEqual(other.entities, {});
    assert.deepEqual(await enrollments(), []);
    const ours = await run(xml, { ...CREATE, restrictTarget: 'MOODLE' });
    assert.deepEqual(ours.entities['memberships'], { added: 1 });
  });

  it('a dry run counts and reports everything and applies nothing', async () => {
    const out = await run(ims(person('p1'), person('p2', { userid: '' }), group('G'), membership('G', member('p1'), member('p2'))), CREATE, { dryRun: true });
    assert.equal(out.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual(out.entities, { orgs: { added: 1 }, persons: { added: 1, rejected: 1 }, groups: { added: 1 }, memberships: { added: 1, rejected: 1 } });
    assert.deepEqual(await rosterView(app), { courses: [], classes: [], users: [], enrollments: [], groups: [] });
    const ledger = (await app.db.dataSource.query(`select count(*)::int as n from ingest_file`)) as { n: number }[];
    assert.equal(ledger[0]?.n, 0, 'a dry run records no file');
  });
});
