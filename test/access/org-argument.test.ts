import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { resolveOrgArgument } from '../../src/auth/scope/org-argument';
import { gid } from '../roster/helpers';
import { RosterFactory } from '../factories/roster.factory';
import { createTestDatabase, type TestDatabase } from '../support/database';

const CLI = path.resolve(__dirname, '../../src/main.js');

describe('keys create --org', () => {
  let db: TestDatabase;
  let hill: string;
  before(async () => {
    db = await createTestDatabase();
    const f = new RosterFactory(db.dataSource);
    hill = (await f.org({ name: 'Hill', sourcedId: 'S-HILL' })).id;
    await f.org({ name: 'Twin A', sourcedId: 'S-TWIN' });
    await new RosterFactory(db.dataSource, 'other-sis').org({ name: 'Twin B', sourcedId: 'S-TWIN' });
  });
  after(() => db.drop());

  it('takes an org by graph id or by a sourcedId one system has, and refuses the rest by name', async () => {
    assert.equal(await resolveOrgArgument(db.dataSource, gid('Org', hill)), hill);
    assert.equal(await resolveOrgArgument(db.dataSource, 'S-HILL'), hill);
    await assert.rejects(resolveOrgArgument(db.dataSource, 'S-TWIN'), /names orgs in other-sis, test-sis/);
    await assert.rejects(resolveOrgArgument(db.dataSource, 'S-NONE'), /No org has the id or sourcedId "S-NONE"/);
  });

  it('prints a reader key limited to the org', async () => {
    const env = { PATH: process.env['PATH'], DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'keys', 'create', '--role', 'reader', '--name', 'hill', '--org', 'S-HILL'], { env });
    const key = stdout.trim();
    assert.match(key, /^lg_/);
    const rows = (await db.dataSource.query(`select org_id::text, role from api_key where key_hash = $1`, [createHash('sha256').update(key).digest()])) as { org_id: string; role: string }[];
    assert.deepEqual(rows, [{ org_id: hill, role: 'reader' }]);
    const refused = await promisify(execFile)(process.execPath, [CLI, 'keys', 'create', '--role', 'admin', '--org', 'S-HILL'], { env }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    assert.ok(refused && refused.code !== 0);
    assert.match(refused.stderr, /must have the role READER/);
  });
});
