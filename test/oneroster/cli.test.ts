import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { SAMPLES } from './support';

const CLI = path.resolve(__dirname, '../../src/main.js');

/** The built CLI against a test database, as an operator runs it. */
function cli(db: TestDatabase, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'error' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('learngraph import oneroster', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.drop());

  it('exits 0 when the import succeeds, and reports its counts', async () => {
    const { code, stderr } = await cli(db, ['import', 'oneroster', path.join(SAMPLES, 'lepo-roster-hub/en'), '--lenient', '--system', 'cli']);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /SUCCEEDED/);
    assert.match(stderr, /users: added 20/);
  });

  it('exits 2 when rows were rejected, listing them with file, line and rule', async () => {
    const { code, stderr } = await cli(db, ['import', 'oneroster', path.join(SAMPLES, 'moodle-enrol-oneroster/Test_minimal_data_set.zip'), '--system', 'cli-strict']);
    assert.equal(code, 2, stderr);
    assert.match(stderr, /users\.csv, line 2, enabledUser: enabledUser must be true or false \[oneroster\.value\.boolean\]/);
  });

  it('exits 1 when the package cannot be imported (OneRoster 1.0)', async () => {
    const { code, stderr } = await cli(db, ['import', 'oneroster', path.join(SAMPLES, 'edfi-lms-toolkit/v1p0')]);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /FAILED/);
    assert.match(stderr, /OneRoster 1\.0 package/);
  });

  it('applies nothing on --dry-run but reports what would change', async () => {
    const { code, stderr } = await cli(db, ['import', 'oneroster', path.join(SAMPLES, 'edfi-lms-toolkit/v1p1'), '--lenient', '--dry-run', '--system', 'dry']);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /enrollments: added 24/);
    const rows = (await db.dataSource.query(`select count(*)::int as n from roster_user where system = 'dry'`)) as { n: number }[];
    assert.equal(rows[0]?.n, 0);
  });
});
