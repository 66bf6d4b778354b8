import type { DataSource } from 'typeorm';
import { DomainError } from '../shared/domain-error';
import type { Logger } from '../shared/logger';
import type { JobHandlers } from './job-handler';
import { ProgressReporter } from './progress-reporter';
import type { JobQueue } from './queue';
import { SyncJobStatus } from './sync-job-status';
import { SyncJobEntity } from './sync-job.entity';

/** Thrown into pg-boss when this worker stops mid-job, so the queue hands the job to another. */
class Interrupted extends Error {}

/** Takes jobs off the queue and runs them through their kind's handler. */
export class SyncWorker {
  private readonly running = new Map<string, AbortController>();
  private stopping = false;

  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly handlers: JobHandlers,
    private readonly log: Logger,
    /** See StaleJobReaper: a RUNNING row older than this has no live worker. */
    private readonly staleSeconds = 60,
  ) {}

  async start(concurrency: number): Promise<void> {
    await this.queue.work(concurrency, ({ jobId }) => this.run(jobId));
    this.log.info({ concurrency, kinds: [...this.handlers.keys()] }, 'sync worker started');
  }

  /** Interrupts running jobs (their transactions roll back; the queue retries them elsewhere). */
  interruptAll(): void {
    this.stopping = true;
    for (const controller of this.running.values()) controller.abort(new Interrupted('worker stopping'));
  }

  async run(jobId: string): Promise<void> {
    const claimed = (await this.db.query(
      `update sync_job set status = 'RUNNING', phase = 'starting', attempts = attempts + 1,
         started_at = coalesce(started_at, now()), updated_at = now()
       where id = $1 and (status = 'QUEUED' or (status = 'RUNNING' and updated_at < now() - make_interval(secs => $2)))
       returning id`,
      [jobId, this.staleSeconds],
    )) as [unknown[], number];
    if (claimed[1] === 0) return; // cancelled before it started, finished, or running on a live worker
    const job = await this.db.getRepository(SyncJobEntity).findOneByOrFail({ id: jobId });
    const log = this.log.child({ jobId, kind: job.kind });
    const controller = new AbortController();
    this.running.set(jobId, controller);
    const progress = new ProgressReporter(this.db, jobId, () => controller.abort(new DomainError('CONFLICT', 'cancelled')));
    progress.start();
    let status: SyncJobStatus;
    let failure: { code: string; message: string } | null = null;
    try {
      if (job.cancelRequestedAt) throw new DomainError('CONFLICT', 'cancelled');
      const handler = this.handlers.get(job.kind);
      if (!handler) throw new DomainError('BAD_USER_INPUT', `No handler for jobs of kind "${job.kind}"`);
      await handler.run(job, { db: this.db, log, progress, signal: controller.signal });
      controller.signal.throwIfAborted();
      status = progress.hasErrors ? SyncJobStatus.COMPLETED_WITH_ERRORS : SyncJobStatus.SUCCEEDED;
    } catch (error) {
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : error;
      if (reason instanceof Interrupted || this.stopping) {
        progress.stop();
        await progress.flush().catch(() => {});
        await this.db.query(`update sync_job set status = 'QUEUED', phase = 'interrupted', updated_at = now() where id = $1`, [jobId]);
        this.running.delete(jobId);
        throw new Interrupted(`job ${jobId} interrupted by shutdown`);
      }
      if (controller.signal.aborted) {
        status = SyncJobStatus.CANCELLED;
      } else {
        status = SyncJobStatus.FAILED;
        failure = describeFailure(error, log);
      }
    } finally {
      progress.stop();
    }
    this.running.delete(jobId);
    progress.setPhase('done');
    await progress.flush();
    await this.db.query(
      `update sync_job set status = $2, failure_code = $3, failure_message = $4, finished_at = now(), updated_at = now() where id = $1`,
      [jobId, status, failure?.code ?? null, failure?.message ?? null],
    );
    log.info({ status }, 'sync job finished');
  }
}

/** Domain errors say what went wrong in the input; anything else is logged and summarised. */
function describeFailure(error: unknown, log: Logger): { code: string; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  log.error({ err: error }, 'sync job crashed');
  return { code: 'INTERNAL', message: `Internal error: ${error instanceof Error ? error.message : String(error)}` };
}
