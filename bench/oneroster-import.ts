/**
 * `npm run bench:oneroster`: a generated district as a OneRoster 1.2 bulk package (≥200k
 * users, 10k classes, 1M enrollments), imported for real (STRICT, one transaction, in a child
 * process so its peak RSS is its own) against a raw COPY of the same files into bare tables,
 * then a 1% delta at once, then (after the VACUUM ANALYZE autovacuum would run) a 1% delta of
 * other rows as the next night's would be, then an export of the result. Prints rows/s, the
 * import/COPY ratio, peak RSS, delta/bulk for both deltas, and where the import's time goes. Not a test: figures to compare and record, on
 * an otherwise idle machine (another process's load shows up directly in them). The same ratios
 * by CPU seconds (Postgres cluster + importer process, read from /proc for the embedded server)
 * hold steadier when the machine is shared.
 *
 *   BENCH_SCALE=1 (default; 0.05 for a quick look) · DATABASE_URL=… to use a server (a throwaway
 *   database is created in it and dropped) instead of a throwaway embedded Postgres
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createLogger } from '../src/shared/logger';
import { rawCopy } from './oneroster-copy';
import { postgresCpuSeconds } from './postgres-cpu';
import { deltaFiles } from './oneroster-delta';
import { bulkFiles, DEFAULT_SHAPE, type DistrictShape, writePackage12 } from './oneroster-district';
import { type ExportFigures, runExport } from './oneroster-run-export';
import { type ImportFigures, runImport } from './oneroster-run-import';

const TARGETS = { importOverCopy: 3, peakRssMiB: 400, deltaShare: 0.05 };
const SYSTEM = 'bench-district';

async function main(): Promise<void> {
  const [mode, dir, url] = process.argv.slice(2);
  if (mode === '--import' && dir && url) {
    process.stdout.write(JSON.stringify(await runImport(dir, url, SYSTEM)) + '\n');
    return;
  }
  if (mode === '--export' && dir && url) {
    process.stdout.write(JSON.stringify(await runExport(dir, url, SYSTEM)) + '\n');
    return;
  }
  await orchestrate();
}

function scaled(scale: number): DistrictShape {
  const n = (x: number): number => Math.max(1, Math.round(x * scale));
  const s = DEFAULT_SHAPE;
  return { ...s, classesPerSchool: Math.max(10, n(s.classesPerSchool)), coursesPerSchool: Math.min(s.coursesPerSchool, Math.max(10, n(s.classesPerSchool))), students: n(s.students), teachers: Math.max(s.schools, n(s.teachers)), staff: Math.max(20, n(s.staff)), guardians: n(s.guardians) };
}

async function orchestrate(): Promise<void> {
  const shape = scaled(Number(process.env['BENCH_SCALE'] ?? 1));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-bench-oneroster-'));
  chmodSync(tmp, 0o711); // embedded Postgres runs as `postgres` when we are root
  try {
    const bulk = path.join(tmp, 'bulk');
    const delta = path.join(tmp, 'delta');
    const laterDelta = path.join(tmp, 'delta-later');
    mkdirSync(bulk);
    mkdirSync(delta);
    mkdirSync(laterDelta);
    let started = performance.now();
    const counts = await writePackage12(bulk, bulkFiles(shape), 'bulk');
    const totalRows = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(`generated ${fmt(totalRows)} rows, ${fmt(dirMiB(bulk), 1)} MiB in ${fmt((performance.now() - started) / 1000, 1)} s (node ${process.version}, ${os.cpus().length} CPUs, load average ${load()})`);
    started = performance.now();
    const deltaCounts = await writePackage12(delta, deltaFiles(shape, 100, new Date().toISOString()), 'delta');
    const deltaRows = [...deltaCounts.values()].reduce((a, b) => a + b, 0);
    // The same share of other rows, a day later: what a district's nightly delta looks like.
    const laterCounts = await writePackage12(laterDelta, deltaFiles(shape, 100, new Date(Date.now() + 86_400_000).toISOString(), 50), 'delta');
    const laterRows = [...laterCounts.values()].reduce((a, b) => a + b, 0);
    console.log(`delta: ${fmt(deltaRows)} rows (${fmt((100 * deltaRows) / totalRows, 2)}%), generated in ${fmt((performance.now() - started) / 1000, 1)} s\n`);

    const db = await database(tmp);
    try {
      const pgCpu = (): number => (db.clusterDir ? (postgresCpuSeconds(db.clusterDir) ?? NaN) : NaN);
      let cpuAt = pgCpu();
      const copies = await rawCopy(db.url, bulk, [...counts.keys()]);
      const copySeconds = copies.reduce((a, c) => a + c.seconds, 0);
      const copyCpu = pgCpu() - cpuAt;
      cpuAt = pgCpu();
      const bulkImport = await child<ImportFigures>('--import', bulk, db.url);
      const bulkPgCpu = pgCpu() - cpuAt;
      cpuAt = pgCpu();
      const deltaImport = await child<ImportFigures>('--import', delta, db.url);
      const deltaPgCpu = pgCpu() - cpuAt;
      // Between a first load and the next night's delta, autovacuum sets the new rows' hint
      // bits and gathers full statistics; a delta right after the load pays for that itself.
      // The same work here, timed apart, stands for those hours.
      const settleSeconds = await settle(db.url);
      cpuAt = pgCpu();
      const laterImport = await child<ImportFigures>('--import', laterDelta, db.url);
      const laterPgCpu = pgCpu() - cpuAt;
      const exported = await child<ExportFigures>('--export', path.join(tmp, 'export'), db.url);

      console.log('file                 rows   raw COPY s  COPY rows/s   import load s');
      for (const c of copies) {
        const load = bulkImport.files.find((f) => f.file === snake(c.file));
        console.log(`${c.file.padEnd(16)} ${fmt(c.rows).padStart(9)} ${fmt(c.seconds, 2).padStart(10)} ${fmt(c.rows / c.seconds).padStart(12)} ${fmt((load?.ms ?? 0) / 1000, 2).padStart(15)}`);
      }
      const ratio = bulkImport.seconds / copySeconds;
      const rss = Math.max(bulkImport.peakRssMiB, bulkImport.maxRssMiB);
      const deltaShare = deltaImport.seconds / bulkImport.seconds;
      const laterShare = laterImport.seconds / bulkImport.seconds;
      console.log(`${'total'.padEnd(16)} ${fmt(totalRows).padStart(9)} ${fmt(copySeconds, 2).padStart(10)} ${fmt(totalRows / copySeconds).padStart(12)}\n`);
      console.log(`bulk import (STRICT): ${fmt(bulkImport.seconds, 1)} s, ${fmt(totalRows / bulkImport.seconds)} rows/s, ${bulkImport.issues} issues; raw COPY ${fmt(copySeconds, 2)} s, ${fmt(totalRows / copySeconds)} rows/s`);
      console.log(`  import / COPY = ${fmt(ratio, 1)}x   (target <= ${TARGETS.importOverCopy}x: ${ratio <= TARGETS.importOverCopy ? 'met' : 'MISSED'})`);
      // CPU seconds vary far less than wall time when other work shares the machine.
      const bulkCpu = bulkPgCpu + bulkImport.cpuSeconds;
      console.log(`  CPU: import ${fmt(bulkCpu, 1)} s (Postgres ${fmt(bulkPgCpu, 1)} s + importer ${fmt(bulkImport.cpuSeconds, 1)} s), raw COPY ${fmt(copyCpu, 2)} s of Postgres   import / COPY = ${fmt(bulkCpu / copyCpu, 1)}x by CPU`);
      console.log(`  peak RSS of the import process: ${fmt(bulkImport.peakRssMiB)} MiB sampled / ${fmt(bulkImport.maxRssMiB)} MiB maxRSS (${fmt(bulkImport.baseRssMiB)} MiB after loading modules)   (target < ${TARGETS.peakRssMiB} MB: ${rss * 1.048576 < TARGETS.peakRssMiB ? 'met' : 'MISSED'})`);
      console.log(`delta import right after the bulk (${fmt(deltaRows)} rows): ${fmt(deltaImport.seconds, 2)} s = ${fmt(deltaShare * 100, 1)}% of the bulk time, ${deltaImport.issues} issues, peak RSS ${fmt(Math.max(deltaImport.peakRssMiB, deltaImport.maxRssMiB))} MiB`);
      const deltaCpu = deltaPgCpu + deltaImport.cpuSeconds;
      console.log(`  delta CPU: ${fmt(deltaCpu, 2)} s (Postgres ${fmt(deltaPgCpu, 2)} s + importer ${fmt(deltaImport.cpuSeconds, 2)} s) = ${fmt((100 * deltaCpu) / bulkCpu, 1)}% of the bulk's`);
      console.log(`  then VACUUM (ANALYZE) of the roster tables, as autovacuum does after a load: ${fmt(settleSeconds, 1)} s (not counted)`);
      console.log(`delta import a day later (${fmt(laterRows)} other rows): ${fmt(laterImport.seconds, 2)} s = ${fmt(laterShare * 100, 1)}% of the bulk time, ${laterImport.issues} issues   (target < ${TARGETS.deltaShare * 100}%: ${laterShare < TARGETS.deltaShare ? 'met' : 'MISSED'})`);
      const laterCpu = laterPgCpu + laterImport.cpuSeconds;
      console.log(`  delta CPU: ${fmt(laterCpu, 2)} s (Postgres ${fmt(laterPgCpu, 2)} s + importer ${fmt(laterImport.cpuSeconds, 2)} s) = ${fmt((100 * laterCpu) / bulkCpu, 1)}% of the bulk's`);
      console.log(`  bulk entities: ${summary(bulkImport.entities)}`);
      console.log(`  bulk applied as a first load (plain inserts): ${bulkImport.firstLoad.join(', ') || 'nothing'}`);
      console.log(`  delta entities: ${summary(deltaImport.entities)}`);
      console.log(`  later delta entities: ${summary(laterImport.entities)}\n`);
      console.log(`export of the district (1.2, after the delta): ${fmt(exported.rows)} rows in ${fmt(exported.seconds, 1)} s = ${fmt(exported.rows / exported.seconds)} rows/s, peak RSS ${fmt(Math.max(exported.peakRssMiB, exported.maxRssMiB))} MiB\n`);
      profile('bulk', bulkImport);
      profile('delta', deltaImport);
      profile('later delta', laterImport);
      // Other processes on the machine show up directly in these figures.
      console.log(`load average at the end: ${load()}`);
    } finally {
      await db.stop();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function profile(name: string, f: ImportFigures): void {
  console.log(`${name} import phases: ${f.phases.map((p) => `${p.phase} ${fmt(p.ms / 1000, 2)} s`).join(' · ')}`);
  console.log(`${name} import: ${fmt(f.queryMs / 1000, 1)} s in SQL statements (staging COPYs not included); the costliest:`);
  for (const q of f.queries.slice(0, name === 'bulk' ? 25 : 12)) {
    console.log(`  ${fmt(q.ms / 1000, 2).padStart(7)} s ${String(q.calls).padStart(4)}x [${q.phase}] ${q.query}`);
  }
  console.log('');
}

function summary(entities: Record<string, Record<string, number>>): string {
  return Object.entries(entities)
    .map(([e, c]) => `${e} ${Object.entries(c).filter(([, n]) => n !== 0).map(([k, n]) => `${k} ${n}`).join('/')}`)
    .join(', ');
}

const load = (): string => os.loadavg().map((n) => n.toFixed(2)).join(' ');

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function dirMiB(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0) / 2 ** 20;
}

/** VACUUM (ANALYZE) of every roster table the import fills; its seconds. */
async function settle(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('vacuum (analyze) academic_session, org, course, class, class_term, roster_user, role, demographics, enrollment, user_identifier, agent');
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database: a throwaway embedded cluster, or a new database on DATABASE_URL's server. */
async function database(tmp: string): Promise<{ url: string; clusterDir?: string; stop: () => Promise<void> }> {
  const log = createLogger('error', 'bench');
  const given = process.env['DATABASE_URL'];
  let url: string;
  let stop: () => Promise<void>;
  let clusterDir: string | undefined;
  if (given) {
    const name = `lg_bench_${randomBytes(4).toString('hex')}`;
    await admin(given, `create database ${name}`);
    const u = new URL(given);
    u.pathname = `/${name}`;
    url = u.toString();
    stop = () => admin(given, `drop database if exists ${name} with (force)`);
  } else {
    const server = await startEmbeddedPostgres(path.join(tmp, 'data'), log);
    url = server.url;
    stop = () => server.stop();
    clusterDir = path.join(tmp, 'data', 'pg');
  }
  const ds = createDataSource(url, log, { poolSize: 1 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  return { url, ...(clusterDir ? { clusterDir } : {}), stop };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs one measured step in a child process, so that its peak RSS is its own. */
function child<T>(mode: '--import' | '--export', dir: string, url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [__filename, mode, dir, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`${mode} ${dir} exited ${code}`))));
  });
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
