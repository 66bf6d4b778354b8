/**
 * `npm test`: starts a throwaway embedded Postgres (unless DATABASE_URL names a server),
 * migrates a template database once, then runs every compiled `*.test.js` with node's test
 * runner. Each test file clones the template into its own database, so files run in parallel.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres, type RunningPostgres } from '../src/db/embedded-postgres';
import { createLogger } from '../src/shared/logger';
import { TEMPLATE_DATABASE } from './support/constants';
import { ensureOpenSshServer } from './support/sshd';

async function main(): Promise<number> {
  const log = createLogger(process.env['LOG_LEVEL'] ?? 'warn', 'test-harness');
  const distRoot = path.resolve(__dirname, '..');
  const filter = process.argv.slice(2);
  let server: RunningPostgres | undefined;
  let tmp: string | undefined;
  let baseUrl = process.env['DATABASE_URL'];
  if (!baseUrl) {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-test-'));
    chmodSync(tmp, 0o711); // embedded Postgres runs as `postgres` when we are root
    server = await startEmbeddedPostgres(path.join(tmp, 'data'), log);
    baseUrl = server.url;
  }
  try {
    await createTemplate(baseUrl, log);
    // The SFTP tests run a real sshd on loopback; install Debian's openssh-server once if missing.
    await ensureOpenSshServer().catch((error: unknown) => log.warn({ err: error }, 'no OpenSSH server: the SFTP tests will fail'));
    const files = [...findTests(path.join(distRoot, 'test')), ...findTests(path.join(distRoot, 'src'))]
      .filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)))
      .sort();
    const concurrency = process.env['TEST_CONCURRENCY'] ?? '2';
    return await run(process.execPath, ['--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', ...files], {
      ...process.env,
      NODE_ENV: 'test',
      TEST_DATABASE_URL: baseUrl,
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    });
  } finally {
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

async function createTemplate(baseUrl: string, log: ReturnType<typeof createLogger>): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(baseUrl, 'postgres') });
  await admin.connect();
  try {
    const stale = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname = $1 or datname like 'lg\\_test\\_%'",
      [TEMPLATE_DATABASE],
    );
    for (const { datname } of stale.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.query(`create database "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.end();
  }
  const ds = createDataSource(withDatabase(baseUrl, TEMPLATE_DATABASE), log, { poolSize: 1 });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function findTests(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return entries.filter((f) => f.endsWith('.test.js')).map((f) => path.join(dir, f));
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
