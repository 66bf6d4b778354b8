import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { identifierHits } from '../../src/identity/identifier-hits';
import { startTestApp, type TestApp } from '../support/app';
import { userLinks, type UserLinks } from '../roster/helpers';
import { district12, writePackage } from './fixtures';
import { importPackage, type JobOutcome, nonZero } from './support';

const MODIFIED = '2025-03-01T10:00:00.000Z';
const PARENT = { sourcedId: 'u4', enabledUser: 'true', username: 'parent', givenName: 'Pat', familyName: 'Turing' };
const CHILD = { sourcedId: 'u2', enabledUser: 'true', username: 'alan', givenName: 'Alan', familyName: 'Turing', email: 'alan@school.org', agentSourcedIds: 'u4' };


/**
 * A deleted user's identifiers and agent links are deleted with them (matching must not find a
 * deleted user, the graph must not list them as anyone's agent) and come back with them.
 */
describe('OneRoster deleted users take their identifiers and agent links with them', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  const succeeded = (outcome: JobOutcome): JobOutcome => {
    assert.equal(outcome.status, 'SUCCEEDED', `${outcome.failureMessage ?? ''} ${outcome.issues.join('; ')}`);
    return outcome;
  };
  const userId = async (system: string, sourcedId: string): Promise<string> => {
    const rows = (await app.db.dataSource.query(`select id::text from roster_user where system = $1 and sourced_id = $2`, [system, sourcedId])) as { id: string }[];
    assert.ok(rows[0], `${sourcedId} in ${system}`);
    return rows[0].id;
  };
  /**
   * The users of `system` identity matching finds for a username, through the rules it applies
   * to LMS records (both tests import the same people under two systems).
   */
  const matches = async (system: string, username: string): Promise<string[]> => {
    const hits = identifierHits(`select 'k' as key, jsonb_build_object('username', $1::text) as values, '[{"field":"username","kinds":["username","email"]}]'::jsonb as rules`);
    const rows = (await app.db.dataSource.query(
      `select u.id::text from (${hits}) h cross join unnest(h.users) as x(id) join roster_user u on u.id = x.id where u.system = $2 order by u.id`,
      [username, system],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  };
  /** Identifier rows still live for a user, whether or not a reader also checks the user. */
  const liveIdentifiers = async (id: string): Promise<number> =>
    ((await app.db.dataSource.query(`select count(*)::int as n from user_identifier where user_id = $1 and deleted_at is null`, [id])) as { n: number }[])[0]?.n ?? -1;
  const links = (id: string): Promise<UserLinks> => userLinks(app, id);

  it('a bulk that no longer lists a user hides them from matching and the graph; listing them again restores both', async () => {
    const sys = 'deleted-bulk';
    succeeded(await importPackage(app, { path: district12(), system: sys }));
    const [child, parent] = [await userId(sys, 'u2'), await userId(sys, 'u4')];
    assert.deepEqual(await matches(sys, 'ALAN@school.org'), [child]);
    assert.deepEqual(await links(child), { agents: ['u4'], agentFor: [], identifiers: ['EMAIL:alan@school.org', 'SOURCED_ID:u2', 'USERNAME:alan'] });
    assert.deepEqual((await links(parent)).agentFor, ['u2']);

    const remaining = [
      { sourcedId: 'u1', enabledUser: 'true', username: 'ada', givenName: 'Ada', familyName: 'Lovelace' },
      { sourcedId: 't9', enabledUser: 'true', username: 'grace', givenName: 'Grace', familyName: 'Hopper', identifier: 'T9' },
      PARENT,
    ];
    /** `reversed` writes the same records in another order: another file, not a duplicate. */
    const withoutChild = (reversed = false): string =>
      district12({
        users: { mode: 'bulk', rows: reversed ? [...remaining].reverse() : remaining },
        roles: {
          mode: 'bulk',
          rows: [
            { sourcedId: 'r1', userSourcedId: 'u1', roleType: 'primary', role: 'student', orgSourcedId: 's1' },
            { sourcedId: 'r3', userSourcedId: 't9', roleType: 'primary', role: 'teacher', orgSourcedId: 's1' },
            { sourcedId: 'r4', userSourcedId: 't9', roleType: 'secondary', role: 'teacher', orgSourcedId: 's2' },
            { sourcedId: 'r5', userSourcedId: 'u4', roleType: 'primary', role: 'parent', orgSourcedId: 's1' },
          ],
        },
        enrollments: {
          mode: 'bulk',
          rows: [
            { sourcedId: 'e1', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u1', role: 'student', beginDate: '2024-09-01' },
            { sourcedId: 'e3', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 't9', role: 'teacher', primary: 'true' },
            { sourcedId: 'e4', classSourcedId: 'k2', schoolSourcedId: 's1', userSourcedId: 't9', role: 'teacher', primary: 'true' },
          ],
        },
        demographics: { mode: 'bulk', rows: [{ sourcedId: 'u1', birthDate: '2010-12-10', sex: 'female' }] },
      });
    const gone = succeeded(await importPackage(app, { path: withoutChild(), system: sys, force: true }));
    assert.deepEqual(nonZero(gone.entities)['users'], { deleted: 1, updated: 1, unchanged: 2 }, 'u1 lost its userIds and email; u2 is deleted');
    assert.deepEqual(await matches(sys, 'alan@school.org'), []);
    assert.equal(await liveIdentifiers(child), 0);
    assert.deepEqual(await links(child), { agents: [], agentFor: [], identifiers: [] });
    assert.deepEqual((await links(parent)).agentFor, [], 'the deleted child is no longer listed under the parent');

    // The same records again change nothing (reordered, so that the file is not skipped as a duplicate).
    const again = succeeded(await importPackage(app, { path: withoutChild(true), system: sys }));
    assert.equal(again.result['duplicateOfJob'], undefined);
    assert.equal(again.counts.added + again.counts.updated + again.counts.deleted, 0, JSON.stringify(again.entities));

    const back = succeeded(await importPackage(app, { path: district12(), system: sys, force: true }));
    assert.equal(nonZero(back.entities)['users']?.['deleted'], undefined);
    assert.deepEqual(await matches(sys, 'alan@school.org'), [child]);
    assert.deepEqual(await links(child), { agents: ['u4'], agentFor: [], identifiers: ['EMAIL:alan@school.org', 'SOURCED_ID:u2', 'USERNAME:alan'] });
    assert.deepEqual((await links(parent)).agentFor, ['u2']);
  });

  it('a delta tobedeleted does the same; a parent who returns is linked again to children who still list them, and only those', async () => {
    const sys = 'deleted-delta';
    succeeded(await importPackage(app, { path: district12(), system: sys }));
    const [child, parent] = [await userId(sys, 'u2'), await userId(sys, 'u4')];
    const delta = (...rows: Record<string, string>[]): string =>
      writePackage('1.2', { users: { mode: 'delta', rows: rows.map((r) => ({ status: 'active', dateLastModified: MODIFIED, ...r })) } });

    // The parent goes: the child, not in the delta, no longer lists them as an agent.
    const gone = succeeded(await importPackage(app, { path: delta({ ...PARENT, status: 'tobedeleted' }), system: sys }));
    assert.deepEqual(nonZero(gone.entities), { users: { deleted: 1 } });
    assert.deepEqual(await matches(sys, 'parent'), []);
    assert.equal(await liveIdentifiers(parent), 0);
    assert.deepEqual((await links(child)).agents, []);
    assert.deepEqual((await links(parent)).agentFor, []);

    // The parent comes back without the child in the file: the child still lists them.
    succeeded(await importPackage(app, { path: delta({ ...PARENT, dateLastModified: '2025-03-02T10:00:00.000Z' }), system: sys }));
    assert.deepEqual(await matches(sys, 'parent'), [parent]);
    assert.deepEqual((await links(child)).agents, ['u4']);
    assert.deepEqual((await links(parent)).agentFor, ['u2']);

    // The child goes and comes back: its own identifiers and agents follow it.
    succeeded(await importPackage(app, { path: delta({ ...CHILD, status: 'tobedeleted', dateLastModified: '2025-03-03T10:00:00.000Z' }), system: sys }));
    assert.deepEqual(await matches(sys, 'alan'), []);
    assert.deepEqual(await links(child), { agents: [], agentFor: [], identifiers: [] });
    assert.deepEqual((await links(parent)).agentFor, []);
    succeeded(await importPackage(app, { path: delta({ ...CHILD, dateLastModified: '2025-03-04T10:00:00.000Z' }), system: sys }));
    assert.deepEqual(await matches(sys, 'alan'), [child]);
    assert.deepEqual((await links(child)).agents, ['u4']);

    // A child that stops listing a deleted parent does not get them back when they return.
    succeeded(await importPackage(app, { path: delta({ ...PARENT, status: 'tobedeleted', dateLastModified: '2025-03-05T10:00:00.000Z' }), system: sys }));
    const dropped = succeeded(await importPackage(app, { path: delta({ ...CHILD, agentSourcedIds: '', dateLastModified: '2025-03-06T10:00:00.000Z' }), system: sys }));
    assert.deepEqual(nonZero(dropped.entities), { users: { updated: 1 } });
    succeeded(await importPackage(app, { path: delta({ ...PARENT, dateLastModified: '2025-03-07T10:00:00.000Z' }), system: sys }));
    assert.deepEqual((await links(child)).agents, []);
    assert.deepEqual((await links(parent)).agentFor, []);
  });
});
