/**
 * `node dist/bench/key-collation.js`: what the "C" collation of the roster's key columns
 * (src/roster/shared/key-columns.ts) saves where a first import spends it, building the key
 * indexes from a district's rows, against the same build under the database's default
 * collation as the yardstick, in the same run and on the same rows. Prints CPU milliseconds
 * of the building backend (read from /proc, steady when the machine is shared) and their
 * ratio; wall time for reference.
 *
 *   BENCH_ROWS=1000000 (an enrollment file of a large district) · BENCH_ROUNDS=3 (median)
 *   DATABASE_URL=… a local server to use instead of a throwaway embedded Postgres
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createLogger } from '../src/shared/logger';
import { processCpuSeconds } from './postgres-cpu';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);

/** Key shapes a district sends, and the indexes the importer rebuilds over them. */
const CASES = [
  { name: 'sourcedIds like enr-123456', columns: 'system, sourced_id', key: `'enr-' || g` },
  { name: 'sourcedIds as GUIDs', columns: 'system, sourced_id', key: 'md5(g::text)::uuid::text' },
  { name: 'identifiers (kind, normalized)', columns: 'kind, sourced_id', key: `'stu' || g || '@riverside.example'` },
] as const;

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-bench-collation-'));
  chmodSync(tmp, 0o711); // embedded Postgres runs as `postgres` when we are root
  const server = process.env['DATABASE_URL'] ? undefined : await startEmbeddedPostgres(path.join(tmp, 'data'), createLogger('error', 'bench'));
  const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] ?? server?.url });
  await client.connect();
  try {
    const { pid, collation } = (await client.query(`select pg_backend_pid() as pid, datcollate as collation from pg_database where datname = current_database()`))
      .rows[0] as { pid: number; collation: string };
    console.log(`${ROWS.toLocaleString('en')} rows per index, median of ${ROUNDS} builds; database collation ${collation} (yardstick) vs "C"\n`);
    await client.query(`set maintenance_work_mem = '256MB'`); // as the importer sets it for its rebuilds
    await client.query(`set max_parallel_maintenance_workers = 0`);
    for (const c of CASES) {
      for (const collation of ['default', 'C']) {
        const table = `keys_${collation.toLowerCase()}`;
        await client.query(`drop table if exists ${table}`);
        await client.query(`create table ${table} (system text, kind text collate "${collation}", sourced_id text collate "${collation}")`);
        // The same rows in both tables, in the same (file) order.
        await client.query(`insert into ${table} select 'riverside', (array['email','username','sourcedId','identifier'])[1 + g % 4], ${c.key} from generate_series(1, $1) g`, [ROWS]);
        await client.query(`vacuum analyze ${table}`);
      }
      const cpu: Record<string, number[]> = { default: [], C: [] };
      const wall: Record<string, number[]> = { default: [], C: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const collation of ['default', 'C']) {
          const table = `keys_${collation.toLowerCase()}`;
          await client.query(`drop index if exists ${table}_idx`);
          const [cpuAt, wallAt] = [processCpuSeconds(pid), performance.now()];
          await client.query(`create index ${table}_idx on ${table} (${c.columns})`);
          cpu[collation]?.push((processCpuSeconds(pid) - cpuAt) * 1000);
          wall[collation]?.push(performance.now() - wallAt);
        }
      }
      const [d, k] = [median(cpu['default'] ?? []), median(cpu['C'] ?? [])];
      console.log(
        `${c.name.padEnd(32)} (${c.columns}): CPU ${fmt(d)} ms -> ${fmt(k)} ms = ${(k / d).toFixed(2)}x   wall ${fmt(median(wall['default'] ?? []))} -> ${fmt(median(wall['C'] ?? []))} ms`,
      );
    }
  } finally {
    await client.end();
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const fmt = (n: number): string => n.toLocaleString('en', { maximumFractionDigits: 0 });

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
