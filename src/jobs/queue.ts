import PgBoss from 'pg-boss';
import type { Logger } from '../shared/logger';

export const SYNC_QUEUE = 'sync-job';

export interface QueuedSyncJob {
  readonly jobId: string;
}

/**
 * The Postgres-backed queue (pg-boss): any number of workers on any number of machines share
 * the work through SKIP LOCKED; a worker that dies mid-job has its job expire and retried.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private started = false;

  constructor(databaseUrl: string, private readonly log: Logger) {
    this.boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 4, application_name: 'learngraph-queue' });
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
}
