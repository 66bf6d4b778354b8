import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { AUTH, gid, ok, statements } from '../roster/helpers';
import { writePackage } from './fixtures';
import { districtWithProfiles, PROFILES } from './profiles-package';
import { importPackage, type JobOutcome, nonZero, summarize } from './support';

const MODIFIED = '2025-03-01T10:00:00.000Z';

/** OneRoster 1.2 userProfiles.csv: stored after users, bulk and delta like any file, never a password. */
describe('OneRoster user profiles', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  const q = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await app.db.dataSource.query(sql, params)) as T[];
  const profiles = (system: string): Promise<{ row: string }[]> =>
    q(
      `select concat_ws('|', p.sourced_id, u.sourced_id, p.profile_type, p.vendor_id, p.application_id, p.description, p.credential_type, p.username, p.metadata::text,
                        case when p.deleted_at is null then 'live' else 'deleted' end) as row
         from user_profile p join roster_user u on u.id = p.user_id where p.system = $1 order by p.sourced_id`,
      [system],
    );
  const issues = (outcome: JobOutcome): string[] => summarize(outcome.issues.map((i) => i.replace(/oneroster-fixture-\w+\//, '')));

  it('stores each profile with its user, drops the passwords with one warning per file, and keeps roles pointing at them', async () => {
    const sys = 'profiles';
    const outcome = await importPackage(app, { path: districtWithProfiles(), system: sys });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.issues.join('\n'));
    assert.deepEqual(nonZero(outcome.entities)['userProfiles'], { added: 2 });
    assert.deepEqual(issues(outcome), ['WARNING oneroster.user_profile.password_dropped userProfiles.csv password: 2']);
    assert.deepEqual((await profiles(sys)).map((p) => p.row), [
      'p1|u1|lms|acme|acme-lms|Ada at Acme, "main"|password|ada.acme|{"sso": "yes"}|live',
      'p2|t9|reader|books|sso|grace@books|{}|live',
    ]);
    // Neither a column nor any stored value holds a password.
    assert.deepEqual(await q(`select column_name from information_schema.columns where table_name = 'user_profile' and column_name like '%pass%'`, []), []);
    const [leak] = await q<{ n: number }>(
      `select (select count(*) from user_profile p where p::text like '%hunter2%')::int + (select count(*) from sync_job_issue i where i::text like '%hunter2%')::int as n`,
      [],
    );
    assert.equal(leak?.n, 0);
    const [role] = await q<{ user_profile: string }>(`select user_profile from role where system = $1 and sourced_id = 'r1'`, [sys]);
    assert.equal(role?.user_profile, 'p1');

    // A bulk without p2 deletes it; a delta brings it back and deletes p1.
    const bulk = await importPackage(app, { path: districtWithProfiles({ ...PROFILES, rows: [{ ...PROFILES.rows[0], password: '' } as Record<string, string>] }), system: sys, force: true });
    assert.equal(bulk.status, 'SUCCEEDED', bulk.issues.join('\n'));
    assert.deepEqual(nonZero(bulk.entities)['userProfiles'], { deleted: 1, unchanged: 1 });
    assert.deepEqual(bulk.issues, [], 'no password sent, nothing to say');
    const delta = await importPackage(app, {
      path: writePackage('1.2', {
        userProfiles: {
          mode: 'delta',
          rows: [
            { ...(PROFILES.rows[1] as Record<string, string>), status: 'active', dateLastModified: MODIFIED, password: '' },
            { ...(PROFILES.rows[0] as Record<string, string>), status: 'tobedeleted', dateLastModified: MODIFIED, password: '' },
          ],
        },
      }),
      system: sys,
    });
    assert.equal(delta.status, 'SUCCEEDED', delta.issues.join('\n'));
    assert.deepEqual(nonZero(delta.entities), { userProfiles: { updated: 1, deleted: 1 } });
    assert.deepEqual((await profiles(sys)).map((p) => p.row.split('|').at(-1)), ['deleted', 'live']);
  });

  it('lists a user’s live profiles in the graph, one statement for the list', async () => {
    const sys = 'profiles-graph';
    assert.equal((await importPackage(app, { path: districtWithProfiles(), system: sys })).status, 'SUCCEEDED');
    const users = await q<{ id: string; sourced_id: string }>(`select id::text, sourced_id from roster_user where system = $1 and sourced_id in ('u1', 't9', 'u2') order by sourced_id`, [sys]);
    type Profiles = { nodes: ({ sourcedId: string; profiles: { id: string; sourcedId: string; vendorId: string; applicationId: string | null; username: string; metadata: unknown; user: { sourcedId: string } }[] } | null)[] };
    const res = await app.gql<Profiles, { ids: string[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { sourcedId profiles { id sourcedId vendorId applicationId username metadata user { sourcedId } } } } }`,
      { ids: users.map((u) => gid('User', u.id)) },
    );
    const nodes = ok(res).nodes;
    assert.deepEqual(
      nodes.map((n) => [n?.sourcedId, n?.profiles.map((p) => `${p.sourcedId} ${p.vendorId}/${p.applicationId ?? ''} ${p.username} ${JSON.stringify(p.metadata)} of ${p.user.sourcedId}`)]),
      [
        ['t9', ['p2 books/ grace@books {} of t9']],
        ['u1', ['p1 acme/acme-lms ada.acme {"sso":"yes"} of u1']],
        ['u2', []],
      ],
    );
    assert.equal(statements(res), AUTH + 2, 'users, then every user’s profiles (their user is the loaded one)');

    const id = nodes[1]?.profiles[0]?.id ?? '';
    const one = await app.gql<{ node: { __typename: string; credentialType: string } | null }, { id: string }>(`query($id: ID!) { node(id: $id) { __typename ... on UserProfile { credentialType } } }`, { id });
    assert.deepEqual(ok(one).node, { __typename: 'UserProfile', credentialType: 'password' });
  });

  it('rejects a profile naming no user, with its line, and applies the others', async () => {
    const sys = 'profiles-bad';
    const bad = { ...PROFILES, rows: [...PROFILES.rows, { sourcedId: 'p3', userSourcedId: 'nobody', profileType: 'lms', vendorId: 'acme', credentialType: 'password', username: 'x' }] };
    const outcome = await importPackage(app, { path: districtWithProfiles(bad), system: sys });
    assert.equal(outcome.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual(issues(outcome), [
      'ERROR oneroster.reference.missing userProfiles.csv userSourcedId: 4',
      'WARNING oneroster.user_profile.password_dropped userProfiles.csv password: 2',
    ]);
    assert.deepEqual(nonZero(outcome.entities)['userProfiles'], { added: 2, rejected: 1 });
    assert.deepEqual((await profiles(sys)).map((p) => p.row.split('|')[0]), ['p1', 'p2']);
  });
});
