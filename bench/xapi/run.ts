/**
 * `node dist/bench/xapi/run.js [statements]`: the LRS at /xapi under load on 127.0.0.1.
 *
 * 1. GET /xapi/statements?agent=… (a random one of 10,000 learners, default page of 100) over N
 *    seeded statements (default 1,000,000; BENCH_XAPI_STATEMENTS or the first argument), against
 *    the yardstick of the same indexed SELECT sent straight through pg at the same concurrency.
 * 2. POST /xapi/statements with batches of 50 from autocannon, against the yardstick of a raw
 *    COPY of the same statements into a bare table.
 * Not a test: it prints figures (and ratios against the yardsticks measured in the same run).
 * Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (8), BENCH_DATA_DIR (kept between runs, so the
 * seed is paid once), BENCH_PROFILE_DIR (CPU profile of the server), BENCH_PHASES=get (skip
 * the POST part). The server's per-key rate limit is off unless RATE_LIMIT_POINTS is set.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../../src/db/data-source';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { createLogger } from '../../src/shared/logger';
import { LrsCredentialService } from '../../src/xapi/credentials/lrs-credential.service';
import { LrsScope } from '../../src/xapi/credentials/lrs-scope';
import { AGENTS, agentMbox, seedStatements } from './seed';
import { startServer } from './server';
import { copyYardstick, selectYardstick } from './yardsticks';

interface AutocannonResult {
  readonly requests: { readonly average: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

const ROOT = path.resolve(__dirname, '../../..');
const BATCH = 50;
const log = (line: string): void => void process.stdout.write(`${line}\n`);
const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/** A batch of statements as an authoring tool sends them: no ids, varied learners and activities. */
function batch(n: number): Record<string, unknown>[] {
  return Array.from({ length: BATCH }, (_, i) => ({
    actor: { objectType: 'Agent', name: `Learner ${n + i}`, mbox: agentMbox(n + i) },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
    object: { objectType: 'Activity', id: `http://bench.example.org/activity/${(n + i) % 1000}`, definition: { name: { 'en-US': 'Question' } } },
    result: { success: true, duration: 'PT12.5S', score: { scaled: 0.75, raw: 3, min: 0, max: 4 } },
    context: { registration: randomUUID(), contextActivities: { parent: [{ id: 'http://bench.example.org/course' }] } },
    timestamp: new Date().toISOString(),
  }));
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? num('BENCH_XAPI_STATEMENTS', 1_000_000));
  const seconds = num('BENCH_SECONDS', 10);
  const connections = num('BENCH_CONNECTIONS', 8);
  const dataDir = process.env['BENCH_DATA_DIR'] ?? path.join(os.tmpdir(), 'learngraph-bench-xapi');
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o711); // embedded Postgres runs as `postgres` when we are root
  const quiet = createLogger('warn', 'bench');
  const postgres = await startEmbeddedPostgres(dataDir, quiet);
  const ds = createDataSource(postgres.url, quiet, { poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const { keyId, secret, record } = await new LrsCredentialService(ds).create('bench', LrsScope.ALL);
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  log(`seeding ${count} statements (skipped when the data dir already holds them)`);
  await seedStatements(client, count, record.id);
  const stored = Number(((await client.query('select count(*)::int as n from xapi_statement')).rows[0] as { n: number }).n);

  const server = await startServer(ROOT, postgres.url, await freePort());
  const base = `${server.url}/xapi`;
  const headers = { authorization: `Basic ${Buffer.from(`${keyId}:${secret}`).toString('base64')}`, 'x-experience-api-version': '1.0.3' };
  log(`\nmachine: ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; Postgres, the server and autocannon share them`);
  log(`autocannon: ${connections} connections, 3 s warm-up + ${seconds} s measured; rate limit ${process.env['RATE_LIMIT_POINTS'] ?? '0'} points/min (0 = off)\n`);

  try {
    // GET with an agent filter.
    let n = 0;
    const agentUrl = (): string => `/xapi/statements?agent=${encodeURIComponent(JSON.stringify({ mbox: agentMbox(Math.floor(Math.random() * AGENTS)) }))}`;
    const get = (duration: number): Promise<AutocannonResult> =>
      autocannon({ url: base.replace(/\/xapi$/, ''), connections, duration, headers, requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: agentUrl() }) }] });
    await get(3);
    const ours = await get(seconds);
    const yard = await selectYardstick(postgres.url, connections, seconds, () => `mbox:${agentMbox(Math.floor(Math.random() * AGENTS))}`);
    log(`GET /statements?agent=… over ${stored.toLocaleString('en')} statements (${AGENTS.toLocaleString('en')} learners, pages of 100)`);
    log(`  learngraph: ${ours.requests.average.toFixed(0)} req/s, p50 ${ours.latency.p50} ms, p99 ${ours.latency.p99} ms, failed ${ours.non2xx + ours.errors}`);
    log(`  yardstick (the indexed SELECT through pg): ${yard.rps.toFixed(0)} req/s, p50 ${yard.p50.toFixed(1)} ms, p99 ${yard.p99.toFixed(1)} ms`);
    log(`  ratio p99 learngraph / yardstick: ${(ours.latency.p99 / yard.p99).toFixed(2)}x   (target p99 < 50 ms)\n`);

    if (process.env['BENCH_PHASES'] === 'get') return;
    // POST batches of 50.
    const post = (duration: number): Promise<AutocannonResult> =>
      autocannon({
        url: `${base}/statements`,
        method: 'POST',
        connections,
        duration,
        headers: { ...headers, 'content-type': 'application/json' },
        requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(batch((n += BATCH))) }) }],
      });
    await post(3);
    const before = Number(((await client.query('select count(*)::int as n from xapi_statement')).rows[0] as { n: number }).n);
    const written = await post(seconds);
    const after = Number(((await client.query('select count(*)::int as n from xapi_statement')).rows[0] as { n: number }).n);
    const perSecond = (after - before) / seconds;
    const copy = await copyYardstick(client, Array.from({ length: Math.max(1, Math.round((after - before) / BATCH)) }, (_, i) => batch(i * BATCH)).flat());
    log(`POST /statements, batches of ${BATCH}`);
    log(`  learngraph: ${perSecond.toFixed(0)} statements/s stored (${written.requests.average.toFixed(0)} req/s), p50 ${written.latency.p50} ms, p99 ${written.latency.p99} ms, failed ${written.non2xx + written.errors}`);
    log(`  yardstick (raw COPY of the same ${copy.rows.toLocaleString('en')} statements into a bare table): ${copy.perSecond.toFixed(0)} statements/s`);
    log(`  ratio learngraph / COPY: ${(perSecond / copy.perSecond).toFixed(2)}   (target >= 3,000 statements/s)`);
  } finally {
    await server.stop();
    await client.end();
    await ds.destroy();
    await postgres.stop();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
