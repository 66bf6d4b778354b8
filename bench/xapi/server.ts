import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * `learngraph serve` built, in production mode with no worker, on 127.0.0.1. With
 * BENCH_PROFILE_DIR set it runs under --cpu-prof and writes its profile there on exit. The
 * per-key rate limit (100 requests/s by default) is off unless RATE_LIMIT_POINTS says otherwise:
 * the bench sends from one credential far more than that.
 */
export async function startServer(root: string, databaseUrl: string, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const profile = process.env['BENCH_PROFILE_DIR'];
  const child = spawn(process.execPath, [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), path.join(root, 'dist/src/main.js'), 'serve'], {
    env: { RATE_LIMIT_POINTS: '0', XAPI_RATE_LIMIT_POINTS: '0', ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', WORKER_CONCURRENCY: '0', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    if (i > 600) throw new Error('server did not start within 60 s');
    await sleep(100);
  }
  return { url, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
}
