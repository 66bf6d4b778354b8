import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { bulkFiles, writePackage12 } from '../../bench/oneroster-district';
import { ApiKeyService } from '../../src/auth/api-key.service';
import { ApiRole } from '../../src/auth/role';
import { WatchSyncJobDocument } from '../__generated__/graphql';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { collect, wsClient } from '../support/ws';

const CLI = path.resolve(__dirname, '../../src/main.js');
const SHAPE = { schools: 2, classesPerSchool: 20, coursesPerSchool: 5, students: 1_500, teachers: 60, staff: 10, guardians: 300 };

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

interface Instance {
  readonly process: ChildProcess;
  readonly url: string;
}

/**
 * The deployment the README describes: `learngraph serve` twice (no in-process workers) and
 * `learngraph worker` twice, as separate processes against one database. Jobs, progress and
 * subscriptions meet only in Postgres (the queue and LISTEN/NOTIFY).
 */
describe('several servers and workers on one database', () => {
  let db: TestDatabase;
  let importRoot: string;
  const children: ChildProcess[] = [];
  const servers: Instance[] = [];
  let integratorKey = '';
  let readerKey = '';

  const start = (command: 'serve' | 'worker', env: NodeJS.ProcessEnv): ChildProcess => {
    const child = spawn(process.execPath, [CLI, command], {
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], DATABASE_URL: db.url, HOST: '127.0.0.1', LOG_LEVEL: 'error', IMPORT_ROOTS: importRoot, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    return child;
  };

  const startServer = async (): Promise<Instance> => {
    const port = await freePort();
    const child = start('serve', { PORT: String(port), WORKER_CONCURRENCY: '0' });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i++) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      if (await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false)) return { process: child, url };
      await sleep(100);
    }
    throw new Error('server did not become healthy in 30 s');
  };

  const startImport = async (server: Instance, dir: string, system: string): Promise<string> => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${integratorKey}` },
      body: JSON.stringify({
        query: 'mutation ($input: ImportOneRosterInput!) { importOneRoster(input: $input) { id status } }',
        variables: { input: { path: dir, mode: 'STRICT', system } },
      }),
    });
    const body = (await res.json()) as { data?: { importOneRoster: { id: string; status: string } }; errors?: unknown };
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data!.importOneRoster.id;
  };

  before(async () => {
    db = await createTestDatabase();
    const keys = new ApiKeyService(db.dataSource);
    integratorKey = (await keys.create('integrator', ApiRole.INTEGRATOR)).key;
    readerKey = (await keys.create('reader', ApiRole.READER)).key;
    importRoot = mkdtempSync(path.join(os.tmpdir(), 'learngraph-multi-'));
    chmodSync(importRoot, 0o755);
    mkdirSync(path.join(importRoot, 'district'));
    await writePackage12(path.join(importRoot, 'district'), bulkFiles(SHAPE), 'bulk');
    servers.push(await startServer(), await startServer());
    start('worker', { WORKER_CONCURRENCY: '1' });
    start('worker', { WORKER_CONCURRENCY: '1' });
  });
  after(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
    rmSync(importRoot, { recursive: true, force: true });
    await db.drop();
  });

  it('runs an import started through one server on a worker, and streams it live through the other', async () => {
    const [a, b] = servers as [Instance, Instance];
    const pkg = path.join(importRoot, 'district');
    // Two imports at once, each started on one server and watched on the other, for both workers to take one.
    const jobs = [
      { id: await startImport(a, pkg, 'north'), watchOn: b },
      { id: await startImport(b, pkg, 'south'), watchOn: a },
    ];
    const watched = jobs.map(({ id, watchOn }) => {
      const client = wsClient(watchOn.url, readerKey);
      return { client, events: collect(client, WatchSyncJobDocument, { id }) };
    });
    await Promise.all(watched.map((w) => w.events.done));
    await Promise.all(watched.map((w) => w.client.dispose()));

    for (const { events } of watched) {
      assert.deepEqual(events.errors, []);
      const states = events.events.map((e) => e.data.syncJobUpdated);
      const last = states[states.length - 1]!;
      assert.equal(last.status, 'SUCCEEDED', JSON.stringify(last));
      assert.equal(last.counts.added > SHAPE.students, true);
      // Live: the watcher saw the job running on a worker process, then its end.
      assert.ok(states.slice(0, -1).some((s) => s.status === 'RUNNING'), JSON.stringify(states.map((s) => [s.status, s.rowsDone])));
      const seen = states.map((s) => s.rowsDone);
      assert.deepEqual([...seen].sort((x, y) => x - y), seen, 'progress never goes back');
    }
    // Both jobs ran on the worker processes (the servers run none), and every process is still up.
    for (const child of children) assert.equal(child.exitCode, null);
  });
});
