import PgBoss from 'pg-boss';
import type { Logger } from '../shared/logger';

export const SYNC_QUEUE = 'sync-job';

export interface QueuedSyncJob {
  readonly jobId: string;
}

export interface QueueOptions {
  /** How often pg-boss looks for due cron schedules (its cron monitor), 1-45 s. */
  readonly scheduleCheckSeconds?: number;
}

/** A pg-boss cron schedule as stored (`getSchedules()`). */
export interface StoredSchedule {
  readonly name: string;
  readonly cron: string;
  readonly timezone: string;
  readonly data: Record<string, unknown> | null;
}

/**
 * The Postgres-backed queue (pg-boss): any number of workers on any number of machines share
 * the work through SKIP LOCKED; a worker that dies mid-job has its job expire and retried.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private started = false;

  constructor(databaseUrl: string, private readonly log: Logger, options: QueueOptions = {}) {
    const check = options.scheduleCheckSeconds ?? 30;
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: 'pgboss',
      max: 4,
      application_name: 'learngraph-queue',
      // Schedules live in pg-boss's tables, so any instance fires each of them once.
      cronMonitorIntervalSeconds: check,
      cronWorkerIntervalSeconds: Math.min(5, check),
    });
    this.boss.on('error', (error: Error) => this.log.error({ err: error }, 'queue error'));
  }

  async start(): Promise<void> {
    await this.boss.start();
    await this.boss.createQueue(SYNC_QUEUE, {
      name: SYNC_QUEUE,
      // A job is retried only after its worker vanished (expiry) or crashed; imports apply in
      // one transaction, so a retry starts from a clean slate.
      retryLimit: 2,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 4 * 60 * 60,
    });
    this.started = true;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 30_000, wait: true });
  }

  async enqueue(jobId: string): Promise<void> {
    await this.boss.send(SYNC_QUEUE, { jobId } satisfies QueuedSyncJob);
  }

  /** Runs `handler` for queued jobs, `concurrency` at a time in this process. */
  async work(concurrency: number, handler: (job: QueuedSyncJob) => Promise<void>): Promise<void> {
    for (let i = 0; i < concurrency; i++) {
      await this.boss.work<QueuedSyncJob>(SYNC_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    }
  }

  /**
   * Cron schedules (pg-boss 10: a schedule is named after a queue and, when due, puts one job
   * on that queue; `fetch` takes it off). Used for per-source sync schedules.
   */
  async ensureQueue(name: string): Promise<void> {
    await this.boss.createQueue(name, { name, retryLimit: 0, expireInSeconds: 15 * 60, retentionMinutes: 60 });
  }

  async deleteQueue(name: string): Promise<void> {
    await this.boss.deleteQueue(name);
  }

  async schedule(name: string, cron: string, timeZone: string, data: Record<string, unknown>): Promise<void> {
    await this.boss.schedule(name, cron, data, { tz: timeZone });
  }

  async unschedule(name: string): Promise<void> {
    await this.boss.unschedule(name);
  }

  async schedules(): Promise<StoredSchedule[]> {
    return (await this.boss.getSchedules()) as unknown as StoredSchedule[];
  }

  /** Takes due jobs off a queue (SKIP LOCKED: each job goes to one caller on one instance). */
  async fetch<T extends object>(name: string, batchSize = 10): Promise<{ id: string; data: T }[]> {
    return (await this.boss.fetch<T>(name, { batchSize })).map((j) => ({ id: j.id, data: j.data }));
  }

  async complete(name: string, id: string): Promise<void> {
    await this.boss.complete(name, id);
  }

  async fail(name: string, id: string, error: Error): Promise<void> {
    await this.boss.fail(name, id, { message: error.message });
  }
}

/**
 * Takes every due tick off a schedule's queue (SKIP LOCKED: each tick goes to one process),
 * runs `onTick` for it, and completes it, or fails it with the error (logged) so pg-boss keeps it.
 */
export async function drainTicks<T extends object>(queue: JobQueue, name: string, onTick: (data: T) => Promise<void>, log: Logger): Promise<void> {
  for (const tick of await queue.fetch<T>(name)) {
    try {
      await onTick(tick.data);
      await queue.complete(name, tick.id);
    } catch (error) {
      log.error({ err: error, queue: name }, 'scheduled work could not start');
      await queue.fail(name, tick.id, error instanceof Error ? error : new Error(String(error)));
    }
  }
}
