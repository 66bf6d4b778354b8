import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { createSource, testSecretsKey } from '../support/sources';

const CLI = path.resolve(__dirname, '../../src/main.js');
const SAMPLES = path.resolve(__dirname, '../../../../shared/samples/oneroster');

describe('learngraph sync <source>', () => {
  let app: TestApp;
  let drop: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    drop = mkdtempSync(path.join(os.tmpdir(), 'sync-cli-'));
    const secrets = testSecretsKey();
    // The server runs no worker: the CLI process works on the sync it starts.
    app = await startTestApp({ workerConcurrency: 0, env: { SOURCE_FOLDER_ROOTS: drop, SECRETS_KEY: secrets } });
    env = { ...process.env, DATABASE_URL: app.db.url, SOURCE_FOLDER_ROOTS: drop, SECRETS_KEY: secrets, LOG_LEVEL: 'error' };
  });
  after(() => app.close());

  const cli = (args: string[]): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('syncs a source by name, waits for its imports and reports them', async () => {
    const folder = path.join(drop, 'sis');
    mkdirSync(folder);
    await createSource(app, { name: 'SIS', kind: 'LOCAL_FOLDER', format: 'ONEROSTER', folder, settleSeconds: 1, formatOptions: { strictness: 'LENIENT', system: 'cli-sync' } });
    const zip = path.join(folder, 'roster.zip');
    copyFileSync(path.join(SAMPLES, 'lepo-roster-hub/en/oneroster.zip'), zip);
    const written = Math.floor(Date.now() / 1000) - 60;
    utimesSync(zip, written, written);
    const { code, stderr } = await cli(['sync', 'SIS']);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /source\.import SIS: roster\.zip: SUCCEEDED, added 82/);
    const users = (await app.db.dataSource.query(`select count(*)::int as n from roster_user where system = 'cli-sync'`)) as { n: number }[];
    assert.equal(users[0]?.n, 20);
  });

  it('exits 1 for a source that does not exist', async () => {
    const { code, stderr } = await cli(['sync', 'nope']);
    assert.equal(code, 1);
    assert.match(stderr, /no source named or numbered "nope"/);
  });
});
