import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { AUTH, errorCode, gid, ok, statements } from '../roster/helpers';
import { COURSE_HEADERS, LmsFolder } from '../records/lms-files';
import { runLms } from '../records/lms-support';

interface Owner {
  item: string;
  user_id: string | null;
  status: string;
  method: string | null;
}

describe('identity: matching outside people to users', () => {
  let app: TestApp;
  let f: RosterFactory;
  const files = new LmsFolder('identity');
  let day = 0;

  /** Imports one course completion per row `[username, uniqueid, course]` as a new day's file. */
  const complete = async (rows: [string, string, string][], options: Record<string, unknown> = {}): Promise<void> => {
    day += 1;
    const name = `Completion202505${String(day).padStart(2, '0')}`;
    const { job } = await runLms(app, { path: files.write(name, COURSE_HEADERS, rows.map(([u, id, c]) => [u, id, `2025-05-${String(day).padStart(2, '0')}`, c])), options });
    assert.ok(['SUCCEEDED', 'COMPLETED_WITH_ERRORS'].includes(job.status), job.failureMessage ?? '');
  };
  const owners = async (course: string): Promise<Owner[]> =>
    (await app.db.dataSource.query(
      `select i.name as item, r.user_id::text, p.status, p.method from learning_record r join learning_item i on i.id = r.item_id
         join external_person p on p.id = r.person_id where i.name = $1 order by r.id`,
      [course],
    )) as Owner[];
  const user = async (seed: { username: string; identifier?: string; email?: string }): Promise<string> => {
    const u = await f.user({ username: seed.username, identifier: seed.identifier ?? null, email: seed.email ?? null });
    await f.identifiers([
      { userId: u.id, kind: 'username', value: seed.username },
      ...(seed.identifier ? [{ userId: u.id, kind: 'identifier', value: seed.identifier }] : []),
      ...(seed.email ? [{ userId: u.id, kind: 'email', value: seed.email }] : []),
    ]);
    return u.id;
  };

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    f = new RosterFactory(app.db.dataSource);
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  it('matches directly by staff number, or by username or email ignoring case', async () => {
    const a = await user({ username: 'alan', identifier: 'S1' });
    const b = await user({ username: 'barbara', email: 'Barbara.L@example.org' });
    await complete([
      ['nobody-knows-this', 'S1', 'Direct'],
      ['BARBARA.l@EXAMPLE.org', 'LMS-77', 'Direct'],
    ]);
    assert.deepEqual((await owners('Direct')).sort((x, y) => Number(x.user_id) - Number(y.user_id)), [
      { item: 'Direct', user_id: a, status: 'MATCHED', method: 'IDENTIFIER' },
      { item: 'Direct', user_id: b, status: 'MATCHED', method: 'IDENTIFIER' },
    ]);
  });

  it('keeps a record nobody matches with its values, and matches it when the user arrives', async () => {
    await complete([['carol', 'S2', 'Late']]);
    assert.deepEqual(await owners('Late'), [{ item: 'Late', user_id: null, status: 'UNMATCHED', method: null }]);
    const queue = await app.gql<{ unmatchedRecords: { totalCount: number; nodes: { title: string; match: { status: string; values: Record<string, string> } }[] } }, unknown>(
      `{ unmatchedRecords(first: 10, source: "lms") { totalCount nodes { title match { status values } } } }`,
    );
    assert.deepEqual(ok(queue).unmatchedRecords.nodes.find((n) => n.title === 'Late')?.match, { status: 'UNMATCHED', values: { uniqueid: 'S2', username: 'carol' } });
    assert.equal(statements(queue), AUTH + 3, 'page, count, persons');

    const carol = await user({ username: 'carol-h', identifier: 'S2' });
    // What an importer that adds users (OneRoster, IMS) calls inside its transaction.
    const outcome = await app.db.dataSource.transaction((tx) => app.runtime.services.identity.rematchUnmatched(tx));
    assert.ok(outcome.reassigned >= 1);
    assert.deepEqual(await owners('Late'), [{ item: 'Late', user_id: carol, status: 'MATCHED', method: 'IDENTIFIER' }]);
  });

  it('matches waiting records as soon as an import brings their user (a OneRoster package here)', async () => {
    await complete([['USER01@sample-u.ac.jp', 'LMS-7001', 'Before The Roster']]);
    assert.equal((await owners('Before The Roster'))[0]?.user_id, null);
    const sample = path.resolve(__dirname, '../../../../shared/samples/oneroster/lepo-roster-hub/en');
    const running = await app.runtime.runJob({ kind: 'oneroster', sourceLabel: 'lepo', params: { path: sample, strictness: 'LENIENT', system: 'late-sis' } });
    const job = await running.finished;
    assert.equal(job.status, 'SUCCEEDED', job.failureMessage ?? '');
    const [row] = (await app.db.dataSource.query(`select id::text from roster_user where system = 'late-sis' and username = 'user01'`)) as { id: string }[];
    assert.deepEqual(await owners('Before The Roster'), [{ item: 'Before The Roster', user_id: row?.id, status: 'MATCHED', method: 'IDENTIFIER' }]);
  });

  it('reports identifiers two users claim and matches neither of them', async () => {
    const d1 = await user({ username: 'dan1', identifier: 'S3' });
    const d2 = await user({ username: 'dan2', identifier: 'S3' });
    await complete([['dan', 'S3', 'Collision']]);
    assert.deepEqual(await owners('Collision'), [{ item: 'Collision', user_id: null, status: 'AMBIGUOUS', method: null }]);
    const res = await app.gql<{ unmatchedRecords: { nodes: { title: string; match: { status: string; candidates: { id: string }[] } }[] } }, unknown>(
      `{ unmatchedRecords(first: 50) { nodes { title match { status candidates { id } } } } }`,
    );
    assert.deepEqual(
      ok(res).unmatchedRecords.nodes.find((n) => n.title === 'Collision')?.match.candidates.map((c) => c.id),
      [gid('User', d1), gid('User', d2)],
    );
    assert.equal(statements(res), AUTH + 3, 'page, persons, candidate users');
    const collisions = await app.gql<{ identityCollisions: { nodes: { kind: string; value: string; users: { username: string }[] }[] } }, unknown>(
      `{ identityCollisions(first: 10) { nodes { kind value users { username } } } }`,
    );
    assert.deepEqual(ok(collisions).identityCollisions.nodes, [{ kind: 'IDENTIFIER', value: 'S3', users: [{ username: 'dan1' }, { username: 'dan2' }] }]);
    assert.equal(statements(collisions), AUTH + 2, 'collisions, then their users in one batch');
  });

  it('never picks a user when the fields point at different people', async () => {
    await user({ username: 'erin', identifier: 'S4' });
    await user({ username: 'frank', identifier: 'S5' });
    await complete([['frank', 'S4', 'Conflict']]);
    assert.deepEqual(await owners('Conflict'), [{ item: 'Conflict', user_id: null, status: 'AMBIGUOUS', method: null }]);
  });

  it('links an outside account with a one-time key: existing and later records follow', async () => {
    const gina = await user({ username: 'gina', identifier: 'S6' });
    await complete([['gina.lms', 'LMS-600', 'Linked']]);
    assert.equal((await owners('Linked'))[0]?.user_id, null);

    const created = await app.gql<{ createLinkKey: { key: string; expiresAt: string; user: { username: string } } }, unknown>(
      `mutation($u: ID!) { createLinkKey(userId: $u, expiresInMinutes: 60) { key expiresAt user { username } } }`,
      { u: gid('User', gina) },
      { role: ApiRole.INTEGRATOR },
    );
    const { key, user: owner } = ok(created).createLinkKey;
    assert.equal(statements(created), AUTH + 2, 'insert the key, load its user');
    assert.equal(owner.username, 'gina');
    const redeem = `mutation($k: String!, $s: String!, $id: String!) { redeemLinkKey(key: $k, externalSystem: $s, externalId: $id) { system externalId user { username } } }`;
    const redeemed = await app.gql<{ redeemLinkKey: { system: string; externalId: string; user: { username: string } } }, unknown>(
      redeem,
      { k: key, s: 'lms', id: 'LMS-600' },
      { role: ApiRole.INTEGRATOR },
    );
    assert.deepEqual(ok(redeemed).redeemLinkKey, { system: 'lms', externalId: 'LMS-600', user: { username: 'gina' } });
    // begin, lock the key, insert and read the account, spend the key, rematch, rewrite records, commit; then the user.
    assert.equal(statements(redeemed), AUTH + 9);
    assert.deepEqual(await owners('Linked'), [{ item: 'Linked', user_id: gina, status: 'MATCHED', method: 'LINK_KEY' }]);

    await complete([['gina.renamed', 'LMS-600', 'Linked Later']]);
    assert.deepEqual(await owners('Linked Later'), [{ item: 'Linked Later', user_id: gina, status: 'MATCHED', method: 'LINK_KEY' }]);

    const again = await app.gql(redeem, { k: key, s: 'lms', id: 'LMS-600' }, { role: ApiRole.INTEGRATOR });
    assert.equal(errorCode(again), 'BAD_USER_INPUT', 'a key works once');
    const other = await user({ username: 'hal' });
    const second = ok(await app.gql<{ createLinkKey: { key: string } }, unknown>(`mutation($u: ID!) { createLinkKey(userId: $u) { key } }`, { u: gid('User', other) })).createLinkKey.key;
    const taken = await app.gql(redeem, { k: second, s: 'lms', id: 'LMS-600' }, { role: ApiRole.INTEGRATOR });
    assert.equal(errorCode(taken), 'CONFLICT', 'an account is one person');
    const accounts = await app.gql<{ node: { externalAccounts: { externalId: string }[] } }, unknown>(
      `query($u: ID!) { node(id: $u) { ... on User { externalAccounts { externalId } } } }`,
      { u: gid('User', gina) },
    );
    assert.deepEqual(ok(accounts).node.externalAccounts, [{ externalId: 'LMS-600' }]);
    assert.equal(statements(accounts), AUTH + 2);
  });

  it('refuses an expired key, and lets only integrators make and redeem keys', async () => {
    const ivy = await user({ username: 'ivy' });
    const { key } = await app.runtime.services.identity.createLinkKey(ivy, 1, null);
    await app.db.dataSource.query(`update link_key set expires_at = now() - interval '1 second'`);
    await assert.rejects(app.runtime.services.identity.redeemLinkKey(key, 'lms', 'LMS-900'), /unknown, already used or expired/);
    const reader = await app.gql(`mutation($u: ID!) { createLinkKey(userId: $u) { key } }`, { u: gid('User', ivy) }, { role: ApiRole.READER });
    assert.equal(errorCode(reader), 'FORBIDDEN');
    const tooLong = await app.gql(
      `mutation($k: String!, $s: String!, $id: String!) { redeemLinkKey(key: $k, externalSystem: $s, externalId: $id) { system } }`,
      { k: key, s: 'lms', id: 'x'.repeat(501) },
      { role: ApiRole.INTEGRATOR },
    );
    assert.equal(errorCode(tooLong), 'BAD_USER_INPUT', 'an argument breaking its rule is refused before the resolver runs');
    assert.deepEqual((tooLong.errors?.[0]?.extensions as { problems?: { field: string; rules: string[] }[] } | undefined)?.problems?.map((p) => [p.field, p.rules]), [['externalId', ['maxLength']]]);
  });

  it('links a record by hand: the person’s other records follow, and automatic matching never undoes it', async () => {
    const jo = await user({ username: 'jo' });
    await complete([
      ['j.o', 'LMS-1000', 'Manual A'],
      ['j.o', 'LMS-1000', 'Manual B'],
    ]);
    const queue = ok(
      await app.gql<{ unmatchedRecords: { nodes: { id: string; title: string }[] } }, unknown>(`{ unmatchedRecords(first: 50) { nodes { id title } } }`),
    ).unmatchedRecords.nodes;
    const recordId = queue.find((n) => n.title === 'Manual A')?.id as string;
    const linked = await app.gql<{ linkRecord: { title: string; user: { username: string }; match: { status: string; method: string } } }, unknown>(
      `mutation($r: ID!, $u: ID!) { linkRecord(recordId: $r, userId: $u) { title user { username } match { status method } } }`,
      { r: recordId, u: gid('User', jo) },
      { role: ApiRole.INTEGRATOR },
    );
    assert.deepEqual(ok(linked).linkRecord, { title: 'Manual A', user: { username: 'jo' }, match: { status: 'MATCHED', method: 'MANUAL' } });
    // the record's person; begin, the user, link, rewrite records, commit; the record; its user and person.
    assert.equal(statements(linked), AUTH + 9);
    assert.deepEqual((await owners('Manual B')).map((o) => o.user_id), [jo]);
    // A user with the account's staff number arrives later: the manual link stands.
    await user({ username: 'someone-else', identifier: 'LMS-1000' });
    await complete([['j.o', 'LMS-1000', 'Manual C']]);
    await app.db.dataSource.transaction((tx) => app.runtime.services.identity.rematchUnmatched(tx));
    assert.deepEqual((await owners('Manual C')).map((o) => [o.user_id, o.method]), [[jo, 'MANUAL']]);
  });

  it('follows the source’s own identity rules', async () => {
    const kim = await user({ username: 'kim', email: 'kim@example.org' });
    await complete([['kim@example.org', 'X-1', 'Rules']], { identity: { rules: [{ field: 'username', kinds: ['email'] }], accountField: null } });
    assert.deepEqual((await owners('Rules')).map((o) => o.user_id), [kim]);
  });
});
