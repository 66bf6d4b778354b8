/**
 * `npm run bench:csv`: measures the CSV parsers on one generated file, each in its own process
 * so that peak RSS is its own, then the bulk loader against a raw COPY of the same file.
 * Not a test: it prints figures (rows/s, MiB/s, peak RSS) to compare and record.
 *
 *   BENCH_ROWS=1000000 (default) · DATABASE_URL=… to use a server instead of embedded Postgres
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createLogger } from '../src/shared/logger';
import { writeQuotedCsv } from './csv-fixture';
import { parserRuns, runParser } from './parser-runs';
import { loaderRuns, runLoader } from './loader-runs';

interface Figures {
  readonly rows: number;
  readonly seconds: number;
  /** Peak resident memory of the measuring process. */
  readonly maxRssMiB: number;
  /** Resident memory once modules are loaded, before the run: the part the run did not cause. */
  readonly baseRssMiB: number;
}

const baseRssMiB = process.memoryUsage.rss() / 1024 / 1024;

async function main(): Promise<void> {
  const [mode, name, file, url] = process.argv.slice(2);
  if (mode === '--parser' && name && file) return report(await runParser(name, file));
  if (mode === '--loader' && name && file && url) return report(await runLoader(name, file, url));
  await orchestrate();
}

function report(result: { rows: number; seconds: number }): void {
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ...result, maxRssMiB, baseRssMiB } satisfies Figures) + '\n');
}

async function orchestrate(): Promise<void> {
  const rows = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-bench-'));
  chmodSync(tmp, 0o711); // embedded Postgres runs as `postgres` when we are root
  try {
    const file = path.join(tmp, 'users.csv');
    await writeQuotedCsv(file, rows);
    const mib = statSync(file).size / 1024 / 1024;
    console.log(`input: ${rows.toLocaleString('en')} rows, ${mib.toFixed(1)} MiB, 8 quoted columns, CRLF, BOM (node ${process.version}, ${os.cpus().length} CPUs)\n`);
    console.log('parser                                       rows/s    MiB/s  peak RSS (after loading modules)');
    for (const parser of parserRuns) {
      const f = await child(['--parser', parser.name, file]);
      console.log(`${parser.label.padEnd(42)} ${fmt(f.rows / f.seconds, 9)} ${fmt(mib / f.seconds, 8, 1)} ${rss(f)}`);
    }
    const { url, stop } = await database(tmp);
    try {
      console.log('\nloader (into a temp staging table, one transaction)    rows/s   seconds  peak RSS (after loading modules)');
      const results = new Map<string, Figures>();
      for (const loader of loaderRuns) {
        const f = await child(['--loader', loader.name, file, url]);
        results.set(loader.name, f);
        console.log(`${loader.label.padEnd(52)} ${fmt(f.rows / f.seconds, 9)} ${fmt(f.seconds, 8, 2)} ${rss(f)}`);
      }
      const raw = results.get('raw-copy');
      const ours = results.get('pipeline');
      if (raw && ours) console.log(`\npipeline / raw COPY throughput: ${(raw.seconds / ours.seconds).toFixed(2)}`);
    } finally {
      await stop();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function database(tmp: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const given = process.env['DATABASE_URL'];
  if (given) return { url: given, stop: async () => {} };
  const pg = await startEmbeddedPostgres(path.join(tmp, 'data'), createLogger('warn', 'bench'));
  return { url: pg.url, stop: () => pg.stop() };
}

function child(args: string[]): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [__filename, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Figures) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

function rss(f: Figures): string {
  return `${fmt(f.maxRssMiB, 6)} MiB (${fmt(f.baseRssMiB, 4)} MiB)`;
}

function fmt(n: number, width: number, digits = 0): string {
  return n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }).padStart(width);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
