/**
 * The server side of the subscription bench, in its own process (so that the 1,000 clients do
 * not share its event loop): `learngraph serve` plus the bench job kind. Prints `ready <url> <key>`;
 * then each stdin line `<steps> <stepMs> <warmupMs>` queues a tick job and prints `job <globalId>`.
 */
import { createInterface } from 'node:readline';
import { startRuntime } from '../../src/app/runtime';
import { ApiRole } from '../../src/auth/role';
import { loadConfig } from '../../src/config';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { createLogger } from '../../src/shared/logger';
import { TICK_KIND, tickHandler } from './tick-job';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'bench-server');
  const runtime = await startRuntime(config, log, { http: true, workerConcurrency: 1, extraHandlers: new Map([[TICK_KIND, tickHandler]]) });
  const { key } = await runtime.services.apiKeys.create('bench subscribers', ApiRole.READER);
  process.on('SIGTERM', () => void runtime.close().then(() => process.exit(0)));
  process.stdout.write(`ready ${runtime.http?.url} ${key}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    const [steps, stepMs, warmupMs] = line.trim().split(/\s+/).map(Number);
    const job = await runtime.services.syncJobs.enqueue({ kind: TICK_KIND, sourceLabel: 'bench', params: { steps, stepMs, warmupMs } });
    process.stdout.write(`job ${toGlobalId('SyncJob', job.id)}\n`);
  }
  await runtime.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
