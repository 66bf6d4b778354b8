import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { generateChanges, generateFullExport, writeExport } from './generator';
import { personsOf, rosterUser } from './people';
import { importExport, tempDir } from './support';

describe('EdReflect users matched to roster users', () => {
  let app: TestApp;
  let f: RosterFactory;
  const full = generateFullExport();
  const users = full.get('users')?.rows ?? [];
  const idOf = (i: number): string => users[i]?.['id'] ?? '';
  const fullDir = writeExport(tempDir('people'), full);

  before(async () => {
    app = await startTestApp();
    f = new RosterFactory(app.db.dataSource);
  });
  after(async () => {
    await app?.close();
  });

  it("links a teacher whose email or staff number a roster user has; the others wait unmatched", async () => {
    const byEmail = await rosterUser(f, { username: 'ada', email: 'Teacher1@District.example.org' });
    const byStaffNumber = await rosterUser(f, { username: 'grace', identifier: 'E1001' });
    const outcome = await importExport(app, { path: fullDir });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? outcome.issues.join('\n'));
    assert.deepEqual(outcome.result['people'], { persons: 6, matched: 2, unmatched: 4, ambiguous: 0, created: 6 });
    const persons = await personsOf(app, 'default');
    assert.equal(persons.size, 6);
    assert.deepEqual(persons.get(idOf(0)), { account_id: idOf(0), user_id: byEmail, status: 'MATCHED', method: 'IDENTIFIER' });
    assert.deepEqual(persons.get(idOf(1)), { account_id: idOf(1), user_id: byStaffNumber, status: 'MATCHED', method: 'IDENTIFIER' });
    assert.deepEqual(persons.get(idOf(2)), { account_id: idOf(2), user_id: null, status: 'UNMATCHED', method: null });
  });

  it('links a waiting teacher when the roster user arrives', async () => {
    const late = await rosterUser(f, { username: 'alan', email: 'teacher3@district.example.org' });
    // What every roster import runs once its users are applied.
    const outcome = await app.db.dataSource.transaction((tx) => app.runtime.services.identity.rematchUnmatched(tx));
    assert.equal(outcome.reassigned, 1);
    assert.deepEqual((await personsOf(app, 'default')).get(idOf(2)), { account_id: idOf(2), user_id: late, status: 'MATCHED', method: 'IDENTIFIER' });
  });

  it('follows a change-only export: a changed email unlinks, a deleted user leaves the queue', async () => {
    const { changes } = generateChanges(full);
    const outcome = await importExport(app, { path: writeExport(tempDir('people-changes'), changes) });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? outcome.issues.join('\n'));
    const persons = await personsOf(app, 'default');
    // The first user's email is now ada.lovelace@..., which no roster user has.
    assert.deepEqual(persons.get(idOf(0)), { account_id: idOf(0), user_id: null, status: 'UNMATCHED', method: null });
    assert.equal(persons.has(idOf(5)), false, 'the deleted user is no longer a person');
    assert.equal(persons.size, 5);
  });

  it('matches by the columns an import names instead of the defaults', async () => {
    const outcome = await importExport(app, { path: fullDir, system: 'by-staff-number', identity: { rules: [{ field: 'employeeId', kinds: ['identifier'] }] } });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? outcome.issues.join('\n'));
    const persons = await personsOf(app, 'by-staff-number');
    assert.deepEqual([...persons.values()].filter((p) => p.status === 'MATCHED').map((p) => p.account_id), [idOf(1)]);
  });

  it('warns when users.csv has none of the identity columns, and refuses malformed rules', async () => {
    const outcome = await importExport(app, { path: fullDir, system: 'no-columns', identity: { rules: [{ field: 'staffCode', kinds: ['identifier'] }] } });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? '');
    assert.deepEqual(outcome.issues, ['WARNING edreflect.identity.no_column users.csv:']);
    const bad = await importExport(app, { path: fullDir, system: 'bad', identity: { rules: [{ field: 'email', kinds: ['phone'] }] } });
    assert.equal(bad.status, 'FAILED');
    assert.match(bad.failureMessage ?? '', /EdReflect identity: rules\.0\.kinds\.0/);
    // The mutation refuses them before anything is queued.
    const refused = await app.gql(`mutation($input: ImportEdReflectInput!) { importEdReflect(input: $input) { id } }`, { input: { path: fullDir, identity: { rules: [] } } }, { role: ApiRole.INTEGRATOR });
    assert.equal(refused.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    assert.match(refused.errors?.[0]?.message ?? '', /EdReflect identity: rules: at least one rule/);
  });

  it('links a waiting teacher when a OneRoster import brings their user', async () => {
    const late = new Map([...full].map(([t, v]) => [t, t === 'users' ? { columns: v.columns, rows: v.rows.map((r, i) => (i === 0 ? { ...r, email: 'USER02@sample-u.ac.jp' } : r)) } : v]));
    const outcome = await importExport(app, { path: writeExport(tempDir('late'), late), system: 'late' });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? outcome.issues.join('\n'));
    assert.equal((await personsOf(app, 'late')).get(idOf(0))?.status, 'UNMATCHED');
    const sample = path.resolve(__dirname, '../../../../shared/samples/oneroster/lepo-roster-hub/en');
    const job = await (await app.runtime.runJob({ kind: 'oneroster', sourceLabel: 'lepo', params: { path: sample, strictness: 'LENIENT', system: 'late-sis' } })).finished;
    assert.equal(job.status, 'SUCCEEDED', job.failureMessage ?? '');
    const [user] = (await app.db.dataSource.query(`select id::text from roster_user where system = 'late-sis' and username = 'user02'`)) as { id: string }[];
    assert.deepEqual((await personsOf(app, 'late')).get(idOf(0)), { account_id: idOf(0), user_id: user?.id, status: 'MATCHED', method: 'IDENTIFIER' });
  });
});
