import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { HideLinksOfImsDeletedUsers1795461226206 } from '../../migrations/1795461226206-HideLinksOfImsDeletedUsers';
import { identifierHits } from '../../src/identity/identifier-hits';
import { hideLinksOfUsers } from '../../src/roster/user/deleted-user-links';
import { RosterFactory } from '../factories/roster.factory';
import { tempDir } from '../ingest/fixtures';
import { userLinks, type UserLinks } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';
import { ims, person } from './fixtures';
import { importIms, resetRoster, sample, writeXml, type ImsOutcome } from './support';

const CREATE = { createMissingUsers: true, createMissingCourses: true };
const DELETE = { deleteUsers: true };


/**
 * A person an IMS file deletes takes their identifiers and agent links with them, as a user
 * OneRoster deletes does: identity matching and the graph no longer find them through one, and
 * an add brings both back.
 */
describe('IMS deleted persons take their identifiers and agent links with them', () => {
  let app: TestApp;
  const tmp = tempDir('ims-deleted');
  let n = 0;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    tmp.remove();
    await app.close();
  });
  beforeEach(() => resetRoster(app));

  const run = async (xml: string, options: Record<string, unknown> = {}): Promise<ImsOutcome> => {
    const out = await importIms(app, { path: writeXml(tmp.dir, `deleted-${++n}.xml`, xml), options });
    assert.notEqual(out.status, 'FAILED', `${out.failureMessage ?? ''} ${out.issues.join('; ')}`);
    assert.equal(out.result['duplicateOfJob'], undefined, 'every file here is applied, none skipped as one seen before');
    return out;
  };
  const userId = async (system: string, sourcedId: string): Promise<string> => {
    const rows = (await app.db.dataSource.query(`select id::text from roster_user where system = $1 and sourced_id = $2`, [system, sourcedId])) as { id: string }[];
    assert.ok(rows[0], `${sourcedId} in ${system}`);
    return rows[0].id;
  };
  /** The users identity matching finds for a username or email, by the rules it applies to LMS records. */
  const matches = async (value: string): Promise<string[]> => {
    const hits = identifierHits(`select 'k' as key, jsonb_build_object('login', $1::text) as values, '[{"field":"login","kinds":["username","email","sourcedId"]}]'::jsonb as rules`);
    const rows = (await app.db.dataSource.query(`select x.id::text from (${hits}) h cross join unnest(h.users) as x(id) order by x.id`, [value])) as { id: string }[];
    return rows.map((r) => r.id);
  };
  /** Identifier rows still live for a user, whether or not a reader also checks the user. */
  const liveIdentifiers = async (id: string): Promise<string[]> =>
    ((await app.db.dataSource.query(`select kind || ':' || value as i from user_identifier where user_id = $1 and deleted_at is null order by 1`, [id])) as { i: string }[]).map((r) => r.i);
  const links = (id: string): Promise<UserLinks> => userLinks(app, id);
  /** An agent link as an importer that has them writes it (IMS itself has none). */
  const agent = async (system: string, userId: string, agentUserId: string): Promise<void> => {
    await app.db.dataSource.query(`insert into agent (system, user_id, agent_user_id, relationship) values ($1, $2, $3, 'parent')`, [system, userId, agentUserId]);
  };

  it('a person a file deletes is no longer matched nor listed by an identifier; an update or a second delete keeps it so; an add restores both', async () => {
    await run(ims(person('p1', { userid: 'ada', email: 'Ada@School.org' })), CREATE);
    const p1 = await userId('ims', 'p1');
    const all = ['email:Ada@School.org', 'sourcedId:p1', 'username:ada'];
    const listed = ['EMAIL:Ada@School.org', 'SOURCED_ID:p1', 'USERNAME:ada'];
    assert.deepEqual(await matches('ada@school.org'), [p1]);
    assert.deepEqual(await liveIdentifiers(p1), all);
    assert.deepEqual((await links(p1)).identifiers, listed);

    const gone = await run(ims(person('p1', { recstatus: '3' })), DELETE);
    assert.deepEqual(gone.entities, { persons: { deleted: 1 } });
    assert.deepEqual(await matches('ada@school.org'), []);
    assert.deepEqual(await matches('ada'), []);
    assert.deepEqual(await liveIdentifiers(p1), []);
    assert.deepEqual(await links(p1), { agents: [], agentFor: [], identifiers: [] });

    // Named again while deleted, by an update or another delete: the person stays deleted, and so do the identifiers.
    const named = await run(ims(person('p1', { recstatus: '2', email: 'ada.l@school.org' }), person('p1', { recstatus: '3' })), { updateUsers: true, ...DELETE });
    assert.deepEqual(named.issues, ['WARNING ims.person.deleted 4 /enterprise/person[1] p1']);
    assert.deepEqual(await liveIdentifiers(p1), []);

    // Another IMS feed naming the same sourcedid finds nobody to link to.
    const other = await run(ims(person('p1', { userid: 'ada', email: 'ada@school.org' })), { system: 'ims-b' });
    assert.deepEqual(other.issues, ['WARNING ims.person.not_created 4 /enterprise/person[1] p1']);
    assert.equal(((await app.db.dataSource.query(`select count(*)::int as n from ims_person_link where system = 'ims-b'`)) as { n: number }[])[0]?.n, 0);

    // (A line more than the first file, which would otherwise be skipped as the same file again.)
    const back = await run(ims(person('p1', { userid: 'ada', email: 'Ada@School.org' })) + '\n', CREATE);
    assert.deepEqual(back.entities, { persons: { updated: 1 } });
    assert.deepEqual(await matches('ada@school.org'), [p1]);
    assert.deepEqual(await liveIdentifiers(p1), all);
    assert.deepEqual((await links(p1)).identifiers, listed);
  });

  it('a delete and an add of one person in one file leave them live with their identifiers; an add then a delete leaves them hidden', async () => {
    await run(ims(person('p1')), CREATE);
    const p1 = await userId('ims', 'p1');
    const live = ['email:p1@example.org', 'sourcedId:p1', 'username:u-p1'];
    await run(ims(person('p1', { recstatus: '3' }), person('p1')), { ...CREATE, ...DELETE });
    assert.deepEqual(await liveIdentifiers(p1), live);
    await run(ims(person('p1', { given: 'Augusta' }), person('p1', { recstatus: '3' })), { ...CREATE, ...DELETE });
    assert.deepEqual(await liveIdentifiers(p1), []);
    assert.deepEqual(await matches('u-p1'), []);
  });

  it('a sample file’s person deleted later: identifiers hidden, other persons untouched', async () => {
    const loaded = await importIms(app, { path: sample('moodle-examples/example.xml'), options: CREATE });
    assert.equal(loaded.entities['persons']?.['added'], 4);
    const [chloe, other] = [await userId('ims', '90078058'), await userId('ims', '90182274')];
    assert.deepEqual(await matches('imgby26'), [chloe]);
    const gone = await run(ims(person('90078058', { recstatus: '3' })), DELETE);
    assert.deepEqual(gone.entities, { persons: { deleted: 1, enrollmentsEnded: 1 } });
    assert.deepEqual(await matches('imgby26'), []);
    assert.deepEqual(await liveIdentifiers(chloe), []);
    assert.deepEqual(await matches('IMCAY21'), [other]);
    assert.deepEqual(await liveIdentifiers(other), ['sourcedId:90182274', 'username:IMCAY21']);
  });

  it('agent links naming a deleted person are hidden with them and come back when both of their users are live', async () => {
    await run(ims(person('parent'), person('kid1'), person('kid2')), CREATE);
    const [parent, kid1, kid2] = [await userId('ims', 'parent'), await userId('ims', 'kid1'), await userId('ims', 'kid2')];
    await agent('ims', kid1, parent);
    await agent('ims', kid2, parent);
    assert.deepEqual((await links(parent)).agentFor, ['kid1', 'kid2']);

    await run(ims(person('parent', { recstatus: '3' }), person('kid2', { recstatus: '3' })), DELETE);
    assert.deepEqual((await links(kid1)).agents, []);
    assert.deepEqual(await links(parent), { agents: [], agentFor: [], identifiers: [] });
    const marked = (await app.db.dataSource.query(`select count(*)::int as n from agent where deleted_at is not null and deleted_with_user`)) as { n: number }[];
    assert.equal(marked[0]?.n, 2);

    // The parent returns; kid2 is still deleted, so only kid1's link comes back.
    await run(ims(person('parent')), CREATE);
    assert.deepEqual((await links(kid1)).agents, ['parent']);
    assert.deepEqual((await links(parent)).agentFor, ['kid1']);
    await run(ims(person('kid2')), CREATE);
    assert.deepEqual((await links(parent)).agentFor, ['kid1', 'kid2']);
    assert.deepEqual((await links(kid2)).agents, ['parent']);
  });

  it('a person whose user another source owns is not deleted by IMS: that user stays matched and listed by its identifiers, and IMS never brings back what its owner hid', async () => {
    const f = new RosterFactory(app.db.dataSource, 'sis');
    const user = await f.user({ sourcedId: 'S-1', username: 'ada', email: 'ada@school.org' });
    await f.identifiers([
      { userId: user.id, kind: 'sourcedId', value: 'S-1' },
      { userId: user.id, kind: 'username', value: 'ada' },
      { userId: user.id, kind: 'email', value: 'ada@school.org' },
    ]);
    const owned = ['email:ada@school.org', 'sourcedId:S-1', 'username:ada'];
    const linked = await run(ims(person('p1', { userid: 'ada' })), CREATE);
    assert.deepEqual(linked.entities, { persons: { unchanged: 1, linked: 1 } });

    // The shared user row is its owner's: IMS's delete is refused and hides nothing.
    const refused = await run(ims(person('p1', { recstatus: '3' })), DELETE);
    assert.deepEqual(refused.issues, ['WARNING ims.person.not_owned 4 /enterprise/person[1] p1']);
    assert.deepEqual(await matches('ada'), [user.id]);
    assert.deepEqual(await liveIdentifiers(user.id), owned);
    assert.deepEqual((await links(user.id)).identifiers, ['EMAIL:ada@school.org', 'SOURCED_ID:S-1', 'USERNAME:ada']);

    // Its owner deletes it (as the owner's import does); an IMS add of the linked person neither revives nor re-identifies it.
    await app.db.dataSource.query(`update roster_user set deleted_at = now(), status = 'tobedeleted' where id = $1`, [user.id]);
    await hideLinksOfUsers(app.db.dataSource, 'select $1::bigint', [user.id]);
    await run(ims(person('p1', { userid: 'ada', given: 'Augusta' })), CREATE);
    assert.deepEqual(await matches('ada'), []);
    assert.deepEqual(await liveIdentifiers(user.id), []);
  });

  it('the migration hides the identifiers and agent links of persons IMS deleted before it, and only theirs', async () => {
    await run(ims(person('p1'), person('p2')), CREATE);
    const [p1, p2] = [await userId('ims', 'p1'), await userId('ims', 'p2')];
    await agent('ims', p2, p1);
    // As an IMS delete used to leave them: the user deleted, its identifiers and links live.
    await app.db.dataSource.query(`update roster_user set deleted_at = now(), status = 'tobedeleted' where id = $1`, [p1]);
    assert.deepEqual(await liveIdentifiers(p1), ['email:p1@example.org', 'sourcedId:p1', 'username:u-p1']);

    const runner = app.db.dataSource.createQueryRunner();
    try {
      await new HideLinksOfImsDeletedUsers1795461226206().up(runner);
    } finally {
      await runner.release();
    }
    assert.deepEqual(await liveIdentifiers(p1), []);
    assert.deepEqual(await liveIdentifiers(p2), ['email:p2@example.org', 'sourcedId:p2', 'username:u-p2']);
    assert.deepEqual((await links(p2)).agents, []);

    // Hidden as an import hides them, so they come back the same way.
    await run(ims(person('p1')), CREATE);
    assert.deepEqual(await liveIdentifiers(p1), ['email:p1@example.org', 'sourcedId:p1', 'username:u-p1']);
    assert.deepEqual((await links(p2)).agents, ['p1']);
  });
});
