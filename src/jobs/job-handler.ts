import type { DataSource } from 'typeorm';
import type { Logger } from '../shared/logger';
import type { ProgressReporter } from './progress-reporter';
import type { SyncJobEntity } from './sync-job.entity';

export interface JobRunContext {
  readonly db: DataSource;
  readonly log: Logger;
  readonly progress: ProgressReporter;
  /** Aborted when someone cancels the job or the worker shuts down; handlers must stop and apply nothing. */
  readonly signal: AbortSignal;
}

/** Runs one kind of job. Throwing fails the job; row problems go through `progress.issue()`. */
export interface JobHandler {
  run(job: SyncJobEntity, context: JobRunContext): Promise<void>;
}

export type JobHandlers = ReadonlyMap<string, JobHandler>;
