import type { Config } from '../config';
import { type Database, openDatabase } from '../db/database';
import { type RunningHttpServer, startHttpServer } from '../graphql/server';
import type { JobHandler } from '../jobs/job-handler';
import { JobEvents } from '../jobs/job-events';
import { JobQueue } from '../jobs/queue';
import { StaleJobReaper } from '../jobs/stale-jobs';
import { SyncWorker } from '../jobs/worker';
import type { NewSyncJob } from '../jobs/sync-job.service';
import type { SyncJobEntity } from '../jobs/sync-job.entity';
import type { Logger } from '../shared/logger';
import type { FormatImporter, ScheduleTicker } from '../sources';
import { mountXapi } from '../xapi';
import { mountCompliance } from '../compliance';
import { StatementRecordFeed } from '../xapi/records';
import { PullTicker } from '../xapi/pull';
import { createJobHandlers } from './handlers';
import { createImporters } from './importers';
import { type AppServices, createLoaders, createServices, servicesFor } from './services';

export interface RuntimeOptions {
  /** Serve HTTP and WebSocket. */
  readonly http: boolean;
  /** Jobs to work on at once in this process; 0 for none. */
  readonly workerConcurrency: number;
  /** Extra job kinds (tests use this to drive the job machinery with their own work). */
  readonly extraHandlers?: ReadonlyMap<string, JobHandler>;
  /** The format importers sources use, instead of app/importers.ts (tests drive the SFTP machinery with their own). */
  readonly importers?: readonly FormatImporter[];
  /** An already open database (tests); otherwise one is opened (and migrated) from the config. */
  readonly database?: Database;
  /** Runs once services exist and before HTTP listens (first-run set-up that clients must see done). */
  readonly beforeListen?: (services: AppServices, database: Database) => Promise<void>;
}

export interface Runtime {
  readonly database: Database;
  readonly services: AppServices;
  readonly http: RunningHttpServer | undefined;
  /** Turns stored xAPI statements into learning records (processes that work on jobs only). */
  readonly statementRecords: StatementRecordFeed | undefined;
  /** Records a job and runs it in this process (not through the queue); `finished` resolves when it ends. */
  runJob(input: NewSyncJob): Promise<{ readonly id: string; readonly finished: Promise<SyncJobEntity> }>;
  /** Graceful stop: HTTP and WS drain, running jobs are handed back to the queue, Postgres last. */
  close(): Promise<void>;
}

/** The composition root: wires database, queue, events, services, worker and HTTP server. */
export async function startRuntime(config: Config, log: Logger, options: RuntimeOptions): Promise<Runtime> {
  const database = options.database ?? (await openDatabase(config, log, { migrate: true }));
  const db = database.dataSource;
  const queue = new JobQueue(database.url, log, { scheduleCheckSeconds: config.scheduleCheckSeconds });
  const events = new JobEvents(database.url, log);
  let worker: SyncWorker | undefined;
  let ticker: ScheduleTicker | undefined;
  let reaper: StaleJobReaper | undefined;
  let statementRecords: StatementRecordFeed | undefined;
  let pullTicker: PullTicker | undefined;
  let http: RunningHttpServer | undefined;
  let expiryMail: AppServices['compliance']['expiryMail'] | undefined;
  const stop = async (): Promise<void> => {
    await http?.close();
    await ticker?.stop();
    await expiryMail?.stop();
    await reaper?.stop();
    await statementRecords?.stop();
    await pullTicker?.stop();
    worker?.interruptAll();
    await queue.stop();
    await events.stop();
    if (!options.database) await database.close();
  };
  let services: AppServices;
  try {
    await queue.start();
    await events.start();
    const deps = { db, config, log, queue, events, importers: options.importers ?? createImporters() };
    services = createServices(deps);
    const handlers = new Map([...createJobHandlers(deps, services), ...(options.extraHandlers ?? [])]);
    worker = new SyncWorker(db, queue, handlers, log, config.jobStaleSeconds);
    if (options.workerConcurrency > 0) {
      await worker.start(options.workerConcurrency);
      // Processes that work on jobs also turn due source schedules into syncs.
      ticker = services.sourceModule.ticker;
      ticker.start();
      reaper = new StaleJobReaper(db, queue, log, config.jobStaleSeconds);
      reaper.start();
      statementRecords = new StatementRecordFeed(db, database.url, services.identity, log);
      await statementRecords.start();
      pullTicker = new PullTicker(db, queue, services.xapiPull, config.scheduleCheckSeconds * 1000, log);
      pullTicker.start();
      // ... and send compliance mail: the daily expiry notices and due retries.
      expiryMail = services.compliance.expiryMail;
      expiryMail.start(config.scheduleCheckSeconds * 1000);
    }
    const appServices = services;
    await options.beforeListen?.(services, database);
    if (options.http) {
      http = await startHttpServer({
        db,
        config,
        log,
        services,
        createLoaders: (scope) => createLoaders(deps, appServices, scope),
        servicesFor: (scope) => servicesFor(deps, appServices, scope),
        mount: (app) => {
          mountXapi(app, { db, xapi: appServices.xapi, log });
          mountCompliance(app, { db, links: appServices.compliance.links, log });
        },
      });
    }
  } catch (error) {
    await stop().catch((e: unknown) => log.error({ err: e }, 'cleanup after failed start failed'));
    throw error;
  }

  let closing: Promise<void> | undefined;
  const inProcess = worker as SyncWorker;
  return {
    database,
    services,
    http,
    statementRecords,
    runJob: async (input) => {
      const job = await services.syncJobs.record(input);
      return { id: job.id, finished: inProcess.run(job.id).then(() => services.syncJobs.get(job.id)) };
    },
    close: () => (closing ??= stop()),
  };
}
