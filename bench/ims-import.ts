/**
 * `npm run bench:ims`: imports a generated IMS Enterprise file (200k persons, 10k groups, 1M
 * memberships by default) and the same roster as a OneRoster 1.1 package, each in its own
 * process against its own fresh database, and prints time, elements (rows) per second and
 * peak RSS. Then imports a changed copy of the IMS file again (everything unchanged).
 * Not a test: it prints figures to compare and record.
 *
 *   BENCH_PERSONS, BENCH_GROUPS, BENCH_MEMBERS · DATABASE_URL=… to use a server instead of embedded Postgres
 *   BENCH_IMS_ONLY=1 skips the OneRoster import. Postgres CPU seconds per run are printed for the
 *   embedded server (they vary far less than wall time on a shared machine).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { imsInputFromPath } from '../src/ims/import/ims-input';
import { importIms } from '../src/ims/import/import-ims';
import { ProgressReporter } from '../src/jobs/progress-reporter';
import { SyncJobEntity } from '../src/jobs/sync-job.entity';
import { importOneRoster } from '../src/roster/oneroster/importer';
import { createLogger } from '../src/shared/logger';
import { writeImsFile, writeOneRosterFolder, type RosterSize } from './ims-fixture';
import { postgresCpuSeconds } from './postgres-cpu';

interface Figures {
  readonly rows: number;
  readonly seconds: number;
  readonly maxRssMiB: number;
  readonly baseRssMiB: number;
  readonly counts: Record<string, unknown>;
  /** Postgres CPU seconds the run used; NaN for a server we did not start. */
  pgCpu?: number;
}

const baseRssMiB = process.memoryUsage.rss() / 1024 / 1024;
const TEMPLATE = 'lg_bench_template';

async function main(): Promise<void> {
  const [mode, input, url] = process.argv.slice(2);
  if ((mode === '--ims' || mode === '--oneroster') && input && url) {
    process.stdout.write(JSON.stringify(await measure(mode, input, url)) + '\n');
    return;
  }
  await orchestrate();
}

async function measure(mode: string, input: string, url: string): Promise<Figures> {
  const ds = createDataSource(url, createLogger('warn', 'bench'), { poolSize: 4 });
  await ds.initialize();
  try {
    const job = await ds.getRepository(SyncJobEntity).save({ kind: mode.slice(2), sourceLabel: path.basename(input), params: {} });
    const progress = new ProgressReporter(ds, job.id, () => {});
    const signal = new AbortController().signal;
    const started = process.hrtime.bigint();
    if (mode === '--ims') {
      const { input: file, close } = await imsInputFromPath(input);
      try {
        await importIms(ds, job.id, { input: file, mode: 'TOLERANT', options: { createMissingUsers: true, createMissingCourses: true }, dryRun: false, sourceLabel: 'bench' }, progress, signal);
      } finally {
        await close();
      }
    } else {
      await importOneRoster(ds, job.id, { path: input, strictness: 'LENIENT', dryRun: false, force: true, deleteThreshold: 1, system: 'bench', label: 'bench' }, progress, signal);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await progress.flush();
    const row = ((await ds.query(`select added, updated, unchanged, rejected, warnings, entity_counts from sync_job where id = $1`, [job.id])) as Record<string, unknown>[])[0] ?? {};
    const rows = ['added', 'updated', 'unchanged', 'rejected'].reduce((n, k) => n + Number(row[k] ?? 0), 0);
    return { rows, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, baseRssMiB, counts: row };
  } finally {
    await ds.destroy();
  }
}

async function orchestrate(): Promise<void> {
  const size: RosterSize = {
    persons: Number(process.env['BENCH_PERSONS'] ?? 200_000),
    groups: Number(process.env['BENCH_GROUPS'] ?? 10_000),
    members: Number(process.env['BENCH_MEMBERS'] ?? 1_000_000),
  };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-bench-ims-'));
  chmodSync(tmp, 0o711); // embedded Postgres runs as `postgres` when we are root
  try {
    const xml = path.join(tmp, 'enterprise.xml');
    const roster = path.join(tmp, 'oneroster');
    await writeImsFile(xml, size);
    await writeOneRosterFolder(roster, size);
    const mib = statSync(xml).size / 1024 / 1024;
    const elements = size.persons + size.groups + size.members;
    console.log(
      `input: ${size.persons.toLocaleString('en')} persons, ${size.groups.toLocaleString('en')} groups, ${size.members.toLocaleString('en')} memberships = ${elements.toLocaleString('en')} elements, ${mib.toFixed(1)} MiB of XML (node ${process.version}, ${os.cpus().length} CPUs)\n`,
    );
    const server = await database(tmp);
    const pgCpu = (): number => (process.env['DATABASE_URL'] ? NaN : (postgresCpuSeconds(path.join(tmp, 'data', 'pg')) ?? NaN));
    const child = async (args: string[]): Promise<Figures> => {
      const before = pgCpu();
      const figures = await runChild(args);
      figures.pgCpu = pgCpu() - before;
      return figures;
    };
    try {
      await createTemplate(server.url);
      console.log('run                                        seconds   elements/s  Postgres CPU s  peak RSS (after loading modules)');
      const ims = await child(['--ims', xml, await freshDatabase(server.url, 'lg_bench_ims')]);
      console.log(line('IMS import (create users and courses)', ims, elements));
      const again = path.join(tmp, 'enterprise-again.xml');
      copyFileSync(xml, again);
      appendFileSync(again, '<!-- the next night, nothing changed -->\n');
      const reimport = await child(['--ims', again, urlFor(server.url, 'lg_bench_ims')]);
      console.log(line('IMS re-import of the same data', reimport, elements));
      if (process.env['BENCH_IMS_ONLY']) {
        console.log(`IMS counts: ${JSON.stringify(ims.counts)}`);
        return;
      }
      const oneroster = await child(['--oneroster', roster, await freshDatabase(server.url, 'lg_bench_oneroster')]);
      const rows = size.persons + 2 * size.groups + size.members + 2;
      console.log(line('OneRoster 1.1 import, same roster', oneroster, rows));
      console.log(`\nIMS / OneRoster time: ${(ims.seconds / oneroster.seconds).toFixed(2)}x (target < 3x); IMS peak RSS ${ims.maxRssMiB.toFixed(0)} MiB (target < 300)`);
      console.log(`IMS counts: ${JSON.stringify(ims.counts)}`);
      console.log(`re-import counts: ${JSON.stringify(reimport.counts)}`);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const line = (label: string, f: Figures, elements: number): string =>
  `${label.padEnd(42)} ${f.seconds.toFixed(1).padStart(7)} ${Math.round(elements / f.seconds).toLocaleString('en').padStart(12)}  ${(f.pgCpu ?? NaN).toFixed(1).padStart(14)}  ${f.maxRssMiB.toFixed(0)} MiB (${f.baseRssMiB.toFixed(0)} MiB)`;

function runChild(args: string[]): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [__filename, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as Figures) : reject(new Error(`bench child ${args[0]} exited ${code}`))));
  });
}

async function database(tmp: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const given = process.env['DATABASE_URL'];
  if (given) return { url: given, stop: async () => {} };
  const server = await startEmbeddedPostgres(path.join(tmp, 'data'), createLogger('warn', 'bench'));
  return { url: server.url, stop: () => server.stop() };
}

function urlFor(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function admin(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(url, 'postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function createTemplate(url: string): Promise<void> {
  await admin(url, `drop database if exists ${TEMPLATE} with (force)`);
  await admin(url, `create database ${TEMPLATE}`);
  const ds = createDataSource(urlFor(url, TEMPLATE), createLogger('warn', 'bench'), { poolSize: 1 });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

async function freshDatabase(url: string, name: string): Promise<string> {
  await admin(url, `drop database if exists ${name} with (force)`);
  await admin(url, `create database ${name} template ${TEMPLATE}`);
  return urlFor(url, name);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
