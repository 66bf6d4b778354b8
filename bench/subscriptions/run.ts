/**
 * `npm run bench:subscriptions`: N graphql-ws subscribers (1,000 by default, each on its own
 * WebSocket) watch one sync job on 127.0.0.1 while it reports progress; checks that every
 * subscriber receives every progress event and prints the delay from the event (the job row's
 * `updatedAt`, set by Postgres when the progress is written, which fires the NOTIFY) to its
 * receipt by the client, against the same job watched by a single subscriber as the yardstick.
 * Not a test: it prints figures to record.
 *
 * Env: BENCH_SUBSCRIBERS (1000), BENCH_STEPS (20), BENCH_STEP_MS (600), BENCH_DATA_DIR
 * (embedded Postgres, kept between runs), DATABASE_URL (use that Postgres instead),
 * BENCH_SERVER_NODE_ARGS (for the server process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { createLogger } from '../../src/shared/logger';
import { type Delivery, summarize } from './deliveries';

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const log = (line: string): void => void process.stdout.write(`${line}\n`);

const WATCH = `subscription ($id: ID!) { syncJobUpdated(id: $id) { status rowsDone rowsTotal updatedAt } }`;

interface JobState {
  readonly status: string;
  readonly rowsDone: number;
  readonly rowsTotal: number | null;
  readonly updatedAt: string;
}

/** Opens `count` connections, subscribes each to the job, and resolves with what each received once all complete. */
async function watch(url: string, key: string, jobId: string, count: number): Promise<Delivery[][]> {
  const runs = Array.from({ length: count }, async () => {
    const received: Delivery[] = [];
    const client = createClient({
      url: url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${key}` },
      retryAttempts: 0,
    });
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ syncJobUpdated: JobState }>(
        { query: WATCH, variables: { id: jobId } },
        {
          next: (value) => {
            const at = Date.now();
            const state = value.data?.syncJobUpdated;
            if (value.errors?.length || !state) return reject(new Error(JSON.stringify(value.errors)));
            received.push({ at, status: state.status, rowsDone: state.rowsDone, emittedAt: Date.parse(state.updatedAt) });
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    await client.dispose();
    return received;
  });
  return Promise.all(runs);
}

class BenchServer {
  private readonly lines: Interface;
  private readonly waiting: ((line: string) => void)[] = [];

  constructor(readonly child: ChildProcess) {
    this.lines = createInterface({ input: child.stdout! });
    this.lines.on('line', (line) => this.waiting.shift()?.(line));
  }

  next(): Promise<string> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async startJob(steps: number, stepMs: number, warmupMs: number): Promise<string> {
    const reply = this.next();
    this.child.stdin!.write(`${steps} ${stepMs} ${warmupMs}\n`);
    return (await reply).replace(/^job /, '');
  }
}

async function main(): Promise<void> {
  const subscribers = num('BENCH_SUBSCRIBERS', 1000);
  const steps = num('BENCH_STEPS', 20);
  const stepMs = num('BENCH_STEP_MS', 600);
  let databaseUrl = process.env['DATABASE_URL'];
  let stopPostgres = async (): Promise<void> => {};
  if (!databaseUrl) {
    const dataDir = process.env['BENCH_DATA_DIR'] ?? path.join(os.tmpdir(), 'learngraph-bench-subscriptions');
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o711); // embedded Postgres runs as `postgres` when we are root
    const postgres = await startEmbeddedPostgres(dataDir, createLogger('warn', 'bench'));
    databaseUrl = postgres.url;
    stopPostgres = () => postgres.stop();
  }

  const nodeArgs = process.env['BENCH_SERVER_NODE_ARGS']?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(__dirname, 'server.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', WORKER_CONCURRENCY: '1' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const server = new BenchServer(child);
  try {
    const [, url, key] = (await server.next()).split(' ') as [string, string, string];
    const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
    log(`machine: ${os.cpus().length} CPUs (load average ${load}), node ${process.version}; Postgres, the server process and all clients share them`);
    log(`job: ${steps} progress steps ${stepMs} ms apart (each written on its own, firing one NOTIFY), then its final state\n`);

    const rows: string[] = [];
    let yardstick = 0;
    for (const count of [1, subscribers]) {
      const jobId = await server.startJob(steps, stepMs, 1_000 + 5 * count);
      const started = Date.now();
      const deliveries = await watch(url, key, jobId, count);
      const s = summarize(deliveries, steps);
      if (count === 1) yardstick = s.p99;
      rows.push(
        `${String(count).padStart(5)} subscribers: ${s.complete}/${count} got every step 1..${steps} and the final state; ` +
          `${s.messages} messages (${s.delays} distinct events timed); delay p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms` +
          (count === 1 ? ' (yardstick)' : `; p99 ${(s.p99 / Math.max(1, yardstick)).toFixed(1)}x the single subscriber's`) +
          `; ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      log(rows[rows.length - 1]!);
    }
    log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    log(`target: every subscriber gets every event, p99 under 200 ms at ${subscribers} subscribers`);
  } finally {
    child.stdin!.end();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await stopPostgres();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
