/**
 * `node dist/bench/compliance/run.js`: `Org.compliance(first: 50)` and the full CSV compliance
 * report of a trust of 20k staff with 10 requirements and 2M learning records, each with its
 * SQL statement count, against yardsticks measured in the same run on the same rows: a plain
 * SQL count of the trust's records and a raw COPY of them as CSV; then the daily expiry scan. Not a test: it prints
 * figures to record. Env: BENCH_SCALE (1 = full size; 0.1 for a quick run), BENCH_ROUNDS (5),
 * BENCH_DATA_DIR (reused between runs of the same scale).
 */
import { chmodSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { startRuntime } from '../../src/app/runtime';
import { ApiRole } from '../../src/auth/role';
import { COMPLIANCE_REPORT_JOB_KIND } from '../../src/compliance';
import { queueExpiryNotices } from '../../src/compliance/mail/expiry-notices';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { currentStatementCount, enterStatementCounter } from '../../src/db/query-counter';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { createLogger } from '../../src/shared/logger';
import { complianceScale, seedCompliance } from './seed';

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (n: number): string => `${n.toFixed(0)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

async function main(): Promise<void> {
  const factor = Number(process.env['BENCH_SCALE'] ?? 1);
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
  const scale = complianceScale(factor);
  const dataDir = process.env['BENCH_DATA_DIR'] ?? path.join(os.tmpdir(), `learngraph-bench-compliance-${factor}`);
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o711); // embedded Postgres runs as `postgres` when we are root
  const quiet = createLogger('warn', 'bench');
  const postgres = await startEmbeddedPostgres(dataDir, quiet);
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  const ds = createDataSource(postgres.url, quiet, { poolSize: 4 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const [{ n: existing }] = (await client.query(`select count(*)::int as n from learning_record`)).rows as [{ n: number }];
  log(`\ncompliance bench: ${scale.staff} staff in ${scale.wards} wards, ${scale.requirements} requirements, ${scale.records} records (BENCH_SCALE=${factor}); ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (existing === 0) {
    log('seeding:');
    await seedCompliance(client, scale, log);
  } else if (existing !== scale.records) {
    throw new Error(`${dataDir} holds ${existing} records, not ${scale.records}: use another BENCH_DATA_DIR`);
  }
  await ds.destroy();

  const config = loadConfig({ ...process.env, NODE_ENV: 'production', SQL_STATEMENT_COUNTS: 'true', DATABASE_URL: postgres.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', MAX_PAGE_SIZE: '500' });
  const runtime = await startRuntime(config, quiet, { http: true, workerConcurrency: 0 });
  try {
    const key = (await runtime.services.apiKeys.create('bench', ApiRole.INTEGRATOR)).key;
    const page = async (): Promise<{ statements: number; people: number; total: number }> => {
      const res = await fetch(`${runtime.http!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-learngraph-sql-count': '1' },
        body: JSON.stringify({
          query: `query($id: ID!) { node(id: $id) { ... on Org { compliance(first: 50) { totalCount counts { met metByEquivalent expiring expired overdue notStarted }
            nodes { state requirements met user { username familyName } } } } } }`,
          variables: { id: toGlobalId('Org', '1') },
        }),
      });
      const body = (await res.json()) as { data?: { node: { compliance: { totalCount: number; nodes: unknown[] } } }; errors?: unknown; extensions?: { sqlStatements: number } };
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      return { statements: body.extensions?.sqlStatements ?? -1, people: body.data.node.compliance.nodes.length, total: body.data.node.compliance.totalCount };
    };
    const people = `select distinct r.user_id from role r where r.deleted_at is null and r.org_id in (select id from org where id = 1 or parent_id = 1)`;
    const countQuery = async (): Promise<number> => Number((await client.query(`select count(*) from learning_record r where r.user_id in (${people})`)).rows[0].count);
    const rawCopy = async (): Promise<number> => {
      let bytes = 0;
      const sink = new Writable({ write: (chunk: Buffer, _e, done) => ((bytes += chunk.length), done()) });
      await pipeline(client.query(copyTo(`copy (select r.* from learning_record r where r.user_id in (${people})) to stdout with (format csv, header)`)), sink);
      return bytes;
    };
    await page(); // warm-up: plans and caches
    await countQuery();

    const pageTimes: number[] = [];
    const countTimes: number[] = [];
    let figures = { statements: 0, people: 0, total: 0 };
    let records = 0;
    for (let i = 0; i < rounds; i++) {
      const p = await timed(page);
      pageTimes.push(p.ms);
      figures = p.value;
      const c = await timed(countQuery);
      countTimes.push(c.ms);
      records = c.value;
    }
    log(`\nOrg.compliance(first: 50) over ${figures.total} people (${records} of their records), median of ${rounds}:`);
    log(`  page with counts per state   ${ms(median(pageTimes)).padStart(9)}   ${figures.statements} SQL statements (the org, the page with its counts, the page's users; the API key lookup is cached)`);
    log(`  yardstick: count(*) of their records   ${ms(median(countTimes))}   ratio ${(median(pageTimes) / median(countTimes)).toFixed(1)}x`);

    const reportTimes: number[] = [];
    const copyTimes: number[] = [];
    let reportStatements = 0;
    let result: Record<string, unknown> = {};
    let copyBytes = 0;
    const reportRounds = Math.max(1, Math.min(3, rounds));
    for (let i = 0; i < reportRounds; i++) {
      const r = await timed(async () => {
        enterStatementCounter();
        const running = await runtime.runJob({ kind: COMPLIANCE_REPORT_JOB_KIND, sourceLabel: 'bench', params: { orgId: '1', format: 'CSV', expiringWithin: 30 } });
        const job = await running.finished;
        if (job.status !== 'SUCCEEDED') throw new Error(`report ${job.status}: ${job.failureMessage ?? ''}`);
        return { job, statements: currentStatementCount() ?? -1 };
      });
      reportTimes.push(r.ms);
      reportStatements = r.value.statements;
      result = r.value.job.result;
      const c = await timed(rawCopy);
      copyTimes.push(c.ms);
      copyBytes = c.value;
    }
    log(`\nfull CSV report (${String(result['rows'])} rows, ${(Number(result['bytes']) / 1e6).toFixed(1)} MB), median of ${reportRounds}:`);
    log(`  report job                   ${ms(median(reportTimes)).padStart(9)}   ${reportStatements} SQL statements (job bookkeeping, one per 2,000 people, upload chunks, progress)`);
    log(`  yardstick: raw COPY of their records as CSV (${(copyBytes / 1e6).toFixed(1)} MB)   ${ms(median(copyTimes))}   ratio ${(median(reportTimes) / median(copyTimes)).toFixed(1)}x`);

    // The daily expiry scan over everyone (item validity and requirement recurrence), rolled back so reruns find the same work.
    const scanTimes: number[] = [];
    let queued = 0;
    for (let i = 0; i < reportRounds; i++) {
      const runner = runtime.database.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        const s = await timed(() => queueExpiryNotices(runner.manager, config.compliance.expiryThresholds));
        scanTimes.push(s.ms);
        queued = s.value;
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    }
    log(`\ndaily expiry scan (${queued} notices queued, 1 SQL statement), median of ${reportRounds}:`);
    log(`  queue notices                ${ms(median(scanTimes)).padStart(9)}   ratio ${(median(scanTimes) / median(countTimes)).toFixed(1)}x the count(*) yardstick`);
  } finally {
    await runtime.close();
    await client.end();
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
