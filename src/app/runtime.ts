import type { Config } from '../config';
import { type Database, openDatabase } from '../db/database';
import { type RunningHttpServer, startHttpServer } from '../graphql/server';
import type { JobHandler } from '../jobs/job-handler';
import { JobEvents } from '../jobs/job-events';
import { JobQueue } from '../jobs/queue';
import { SyncWorker } from '../jobs/worker';
import type { Logger } from '../shared/logger';
import { createJobHandlers } from './handlers';
import { type AppServices, createLoaders, createServices } from './services';

export interface RuntimeOptions {
  /** Serve HTTP and WebSocket. */
  readonly http: boolean;
  /** Jobs to work on at once in this process; 0 for none. */
  readonly workerConcurrency: number;
  /** Extra job kinds (tests use this to drive the job machinery with their own work). */
  readonly extraHandlers?: ReadonlyMap<string, JobHandler>;
  /** An already open database (tests); otherwise one is opened (and migrated) from the config. */
  readonly database?: Database;
}

export interface Runtime {
  readonly database: Database;
  readonly services: AppServices;
  readonly http: RunningHttpServer | undefined;
  /** Graceful stop: HTTP and WS drain, running jobs are handed back to the queue, Postgres last. */
  close(): Promise<void>;
}

/** The composition root: wires database, queue, events, services, worker and HTTP server. */
export async function startRuntime(config: Config, log: Logger, options: RuntimeOptions): Promise<Runtime> {
  const database = options.database ?? (await openDatabase(config, log, { migrate: true }));
  const db = database.dataSource;
  const queue = new JobQueue(database.url, log);
  const events = new JobEvents(database.url, log);
  let worker: SyncWorker | undefined;
  let http: RunningHttpServer | undefined;
  const stop = async (): Promise<void> => {
    await http?.close();
    worker?.interruptAll();
    await queue.stop();
    await events.stop();
    if (!options.database) await database.close();
  };
  let services: AppServices;
  try {
    await queue.start();
    await events.start();
    const deps = { db, config, log, queue, events };
    services = createServices(deps);
    const handlers = new Map([...createJobHandlers(deps, services), ...(options.extraHandlers ?? [])]);
    if (options.workerConcurrency > 0) {
      worker = new SyncWorker(db, queue, handlers, log);
      await worker.start(options.workerConcurrency);
    }
    const appServices = services;
    if (options.http) {
      http = await startHttpServer({ db, config, log, services, createLoaders: () => createLoaders(deps, appServices) });
    }
  } catch (error) {
    await stop().catch((e: unknown) => log.error({ err: e }, 'cleanup after failed start failed'));
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    database,
    services,
    http,
    close: () =>
      (closing ??= stop()),
  };
}
