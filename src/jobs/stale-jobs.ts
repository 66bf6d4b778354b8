import type { DataSource } from 'typeorm';
import type { Logger } from '../shared/logger';
import { PollLoop } from './poll-loop';
import type { JobQueue } from './queue';

/** Runs a job gets before a lost worker makes it FAILED instead of queued again. */
export const MAX_JOB_ATTEMPTS = 3;

export interface StaleSweep {
  readonly requeued: string[];
  readonly failed: string[];
}

/**
 * A worker killed mid-job (SIGKILL, OOM, a lost machine) leaves its job RUNNING, and the queue
 * would only notice when the job expires hours later. A live worker writes the job's row at least
 * once a second, so a RUNNING row untouched for `staleSeconds` has lost its worker: its
 * transaction rolled back with the connection, so the job is queued again from a clean slate,
 * or failed with the reason once it has had MAX_JOB_ATTEMPTS runs. Every worker process sweeps;
 * SKIP LOCKED and the status condition make each stale job go to one sweeper.
 */
export class StaleJobReaper {
  private readonly loop: PollLoop;

  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly log: Logger,
    private readonly staleSeconds: number,
  ) {
    this.loop = new PollLoop('stale job sweep', async () => void (await this.sweep()), log);
  }

  start(): void {
    this.loop.start(Math.max(1_000, (this.staleSeconds * 1_000) / 4), { now: false });
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  async sweep(): Promise<StaleSweep> {
    const [rows] = (await this.db.query(
      `with stale as (
         select id from sync_job
         where status = 'RUNNING' and updated_at < now() - make_interval(secs => $1)
         for update skip locked
       )
       update sync_job j set
         status = case when j.attempts >= $2 then 'FAILED' else 'QUEUED' end,
         phase = case when j.attempts >= $2 then 'done' else 'worker lost' end,
         failure_code = case when j.attempts >= $2 then 'WORKER_LOST' end,
         failure_message = case when j.attempts >= $2
           then 'The worker running this job stopped responding on each of its ' || j.attempts || ' runs' end,
         finished_at = case when j.attempts >= $2 then now() end,
         updated_at = now()
       from stale where j.id = stale.id
       returning j.id::text as id, j.status`,
      [this.staleSeconds, MAX_JOB_ATTEMPTS],
    )) as [{ id: string; status: string }[], number];
    const requeued = rows.filter((r) => r.status === 'QUEUED').map((r) => r.id);
    const failed = rows.filter((r) => r.status === 'FAILED').map((r) => r.id);
    for (const id of requeued) await this.queue.enqueue(id);
    if (rows.length > 0) this.log.warn({ requeued, failed }, 'jobs of a lost worker recovered');
    return { requeued, failed };
  }
}
