import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { ImsJobParams } from '../../src/ims';
import { tempDir } from '../ingest/fixtures';
import { startTestApp, type TestApp } from '../support/app';
import { group, ims, member, membership, person, role } from './fixtures';
import { importIms, resetRoster, rosterView, writeXml, type ImsOutcome } from './support';

describe('IMS <person>: every recstatus and option', () => {
  let app: TestApp;
  const tmp = tempDir('ims-persons');
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
    importIms(app, { path: writeXml(tmp.dir, `persons-${++n}.xml`, xml), options, ...extra });
  const users = async (): Promise<string[]> => (await rosterView(app)).users;

  it('unspecified or 1 (add): skipped without createMissingUsers, created with it, with its identifiers', async () => {
    const xml = ims(person('p1'), person('p2', { recstatus: '1', given: ' Grace ', family: 'Hopper ', email: 'Grace@Example.org' }));
    const skipped = await run(xml);
    assert.deepEqual(skipped.issues, ['WARNING ims.person.not_created 4 /enterprise/person[1] p1', 'WARNING ims.person.not_created 5 /enterprise/person[2] p2']);
    assert.deepEqual(await users(), []);

    const created = await run(xml, { createMissingUsers: true });
    assert.equal(created.status, 'SUCCEEDED');
    assert.deepEqual(created.entities, { persons: { added: 2 } });
    assert.deepEqual(await users(), ['ims p1 u-p1 Ada Lovelace p1@example.org', 'ims p2 u-p2 Grace Hopper Grace@Example.org']);
    const ids = (await app.db.dataSource.query(
      `select u.sourced_id || ' ' || i.kind || '=' || i.normalized as line from user_identifier i join roster_user u on u.id = i.user_id where i.system = 'ims' order by 1`,
    )) as { line: string }[];
    assert.deepEqual(ids.map((r) => r.line), ['p1 email=p1@example.org', 'p1 sourcedId=p1', 'p1 username=u-p1', 'p2 email=grace@example.org', 'p2 sourcedId=p2', 'p2 username=u-p2']);
    const meta = (await app.db.dataSource.query(`select metadata from roster_user where sourced_id = 'p2'`)) as { metadata: unknown }[];
    assert.deepEqual(meta[0]?.metadata, { imsSource: 'SIS', fullName: 'Grace  Hopper' });
  });

  it('an add for a known user changes nothing, as in Moodle, even when the file says otherwise', async () => {
    await run(ims(person('p1')), { createMissingUsers: true });
    const out = await run(ims(person('p1', { given: 'Augusta' })), { createMissingUsers: true });
    assert.deepEqual(out.entities, { persons: { unchanged: 1 } });
    assert.deepEqual(await users(), ['ims p1 u-p1 Ada Lovelace p1@example.org']);
  });

  it('2 (update): ignored unless updateUsers; then writes the fields the element has and keeps the rest', async () => {
    await run(ims(person('p1')), { createMissingUsers: true });
    const update = ims(person('p1', { recstatus: '2', given: 'Augusta', userid: '', email: null }), person('nobody', { recstatus: '2' }));
    const ignored = await run(update);
    assert.deepEqual(ignored.issues, ['WARNING ims.person.update_ignored 4 /enterprise/person[1] p1', 'WARNING ims.person.update_ignored 5 /enterprise/person[2] nobody']);
    const applied = await run(update, { updateUsers: true });
    assert.deepEqual(applied.entities, { persons: { updated: 1, skipped: 1 } });
    assert.deepEqual(applied.issues, ['WARNING ims.person.unknown 5 /enterprise/person[2] nobody']);
    assert.deepEqual(await users(), ['ims p1 u-p1 Augusta Lovelace p1@example.org'], 'an empty <userid> and an absent <email> keep what was stored');
    const again = await run(update + '\n', { updateUsers: true });
    assert.deepEqual(again.entities, { persons: { unchanged: 1, skipped: 1 } });
  });

  it('3 (delete): ignored unless deleteUsers; then a soft delete that ends the user’s IMS enrolments and group places', async () => {
    const setup = ims(person('p1'), person('p2'), group('G'), membership('G', member('p1', role({ cohort: 'red' })), member('p2')));
    await run(setup, { createMissingUsers: true, createMissingCourses: true });
    const remove = ims(person('p1', { recstatus: '3' }), person('ghost', { recstatus: '3' }));
    const ignored = await run(remove);
    assert.deepEqual(ignored.issues, ['WARNING ims.person.delete_ignored 4 /enterprise/person[1] p1', 'WARNING ims.person.delete_ignored 5 /enterprise/person[2] ghost']);
    const applied = await run(remove, { deleteUsers: true });
    assert.deepEqual(applied.entities, { persons: { deleted: 1, skipped: 1, enrollmentsEnded: 1 } });
    assert.deepEqual(applied.issues, ['WARNING ims.person.unknown 5 /enterprise/person[2] ghost']);
    const view = await rosterView(app);
    assert.deepEqual(view.users, ['ims p1 u-p1 Ada Lovelace p1@example.org [deleted]', 'ims p2 u-p2 Ada Lovelace p2@example.org']);
    assert.deepEqual(view.enrollments, ['G p1 student .. [deleted]', 'G p2 student ..']);
    assert.deepEqual(view.groups, ['G red: ']);
    const twice = await run(remove + '\n', { deleteUsers: true });
    assert.deepEqual(twice.entities, { persons: { unchanged: 1, skipped: 1 } });

    // A membership naming the deleted user does not enrol them; an add brings them back.
    const back = await run(ims(person('p1'), membership('G', member('p1'))), { createMissingUsers: false });
    assert.deepEqual(back.issues, ['WARNING ims.person.deleted 4 /enterprise/person[1] p1', 'WARNING ims.member.person_deleted 5 /enterprise/membership[1]/member[1]/role[1] G p1']);
    const revived = await run(ims(person('p1', { given: 'Ada B.' }), membership('G', member('p1'))), { createMissingUsers: true });
    assert.deepEqual(revived.entities, { persons: { updated: 1 }, memberships: { updated: 1 } });
    assert.deepEqual((await rosterView(app)).users[0], 'ims p1 u-p1 Ada B. Lovelace p1@example.org');
  });

  it('creating needs a username: sourcedIdFallback uses the sourcedid; usernames and names can be case-fixed', async () => {
    const xml = ims(person('P1', { userid: '' }), person('P2', { userid: 'GRACE.H', given: 'GRACE ANNE', family: "O'HOPPER" }));
    const missing = await run(xml, { createMissingUsers: true });
    assert.deepEqual(missing.issues, ['ERROR ims.person.username_missing 4 /enterprise/person[1] P1']);
    await resetRoster(app);
    await run(xml, { createMissingUsers: true, sourcedIdFallback: true, lowercaseUsernames: true, fixCasePersonalNames: true });
    assert.deepEqual(await users(), ['ims P1 p1 Ada Lovelace P1@example.org', "ims P2 grace.h Grace Anne O'hopper P2@example.org"]);
  });

  it('a recstatus other than 1, 2, 3 rejects the element in strict mode and reads as an add in tolerant mode', async () => {
    const xml = ims(person('p1', { recstatus: '7' }));
    const strict = await run(xml, { createMissingUsers: true }, { mode: 'STRICT' });
    assert.deepEqual(strict.issues, ['ERROR ims.recstatus.invalid 4 /enterprise/person[1] p1']);
    assert.deepEqual(strict.entities, { persons: { rejected: 1 } });
    const tolerant = await run(xml, { createMissingUsers: true });
    assert.deepEqual(tolerant.issues, ['WARNING ims.recstatus.invalid 4 /enterprise/person[1] p1']);
    assert.deepEqual(tolerant.entities, { persons: { added: 1 } });
  });

  it('the same person twice in a file applies in file order: created, then updated', async () => {
    const out = await run(ims(person('p1'), person('p1', { recstatus: '2', family: 'King' })), { createMissingUsers: true, updateUsers: true });
    assert.deepEqual(out.entities, { persons: { added: 1, updated: 1 } });
    assert.deepEqual(await users(), ['ims p1 u-p1 Ada King p1@example.org']);
  });

  it('a person without a sourcedid cannot be matched and is rejected', async () => {
    const out = await run(ims('<person><userid>x</userid></person>'), { createMissingUsers: true });
    assert.deepEqual(out.issues, ['ERROR ims.person.id_missing 4 /enterprise/person[1] -']);
    assert.deepEqual(out.entities, { persons: { rejected: 1 } });
  });
});
