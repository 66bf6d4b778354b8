/**
 * A second process that works on jobs against DATABASE_URL, with the test job kind added:
 * proves progress reaches subscribers of another process through Postgres.
 */
import { startRuntime } from '../../src/app/runtime';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import { testHandlers } from './test-jobs';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'test-worker');
  const runtime = await startRuntime(config, log, { http: false, workerConcurrency: 1, extraHandlers: testHandlers });
  process.stdout.write('worker ready\n');
  const stop = (): void => void runtime.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
