import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

const CLI = path.resolve(__dirname, '../src/main.js');

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** The built CLI on an empty DATA_DIR, as a newcomer runs it: embedded Postgres, migrations, a first key. */
describe('learngraph serve on an empty DATA_DIR', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let server: ChildProcess;
  let stdout = '';
  let stderr = '';
  let base: string;

  const startServer = async (): Promise<void> => {
    stdout = '';
    server = spawn(process.execPath, [CLI, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    server.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    for (let i = 0; i < 300; i++) {
      const ok = await fetch(`${base}/healthz`).then((r) => r.status === 200, () => false);
      if (ok) return;
      await sleep(100);
    }
    throw new Error('server did not become healthy in 30 s');
  };
  const stopServer = async (): Promise<number | null> => {
    server.kill('SIGTERM');
    const [code] = (await once(server, 'exit')) as [number | null];
    return code;
  };

  before(async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-cli-'));
    chmodSync(tmp, 0o711);
    dataDir = path.join(tmp, 'data');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = { PATH: process.env['PATH'], HOME: process.env['HOME'], DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
    await startServer();
  });
  after(async () => {
    if (server.exitCode === null) await stopServer();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('comes up healthy, prints an admin key once, and answers a query with it', async () => {
    const key = /(lg_[A-Za-z0-9_-]+)/.exec(stdout)?.[1];
    assert.ok(key, `no key in: ${stdout}`);
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ apiKeys { name role } syncJobs(first: 1) { totalCount } }' }),
    });
    assert.deepEqual(await res.json(), {
      data: { apiKeys: [{ name: 'first admin key', role: 'ADMIN' }], syncJobs: { totalCount: 0 } },
    });
  });

  it('lets a second command join the running Postgres, stops cleanly, and keeps the data', async () => {
    const { stdout: created } = await promisify(execFile)(process.execPath, [CLI, 'keys', 'create', '--role', 'reader', '--name', 'second'], { env });
    const readerKey = created.trim();
    assert.match(readerKey, /^lg_/);

    assert.equal(await stopServer(), 0, stderr);
    assert.equal(existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), false, 'embedded Postgres stopped with the server');

    await startServer();
    assert.doesNotMatch(stdout, /lg_/, 'no new admin key on a database that has keys');
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${readerKey}` },
      body: JSON.stringify({ query: '{ syncJobs(first: 1) { totalCount } }' }),
    });
    assert.deepEqual(await res.json(), { data: { syncJobs: { totalCount: 0 } } });
  });
});
