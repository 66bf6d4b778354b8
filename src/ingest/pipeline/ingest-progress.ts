import type { Counts, JobIssue } from '../../jobs/progress-reporter';

/**
 * The part of the job's ProgressReporter the pipeline uses. It reports each problem as an
 * issue and counts each rejected row once (`addCounts({ rejected })`), however many issues
 * the row has; rows the importer's apply rejects later are the importer's to count.
 */
export interface IngestProgress {
  setPhase(phase: string): void;
  advance(rows?: number): void;
  issue(issue: JobIssue): void;
  addCounts(counts: Counts): void;
}

/** Phases the pipeline reports, in order; the importer's apply follows with its own. */
export const IngestPhase = {
  /** Opening the package and finding the files. */
  READING: 'reading',
  /** Checking every file's header against its contract, before any row is read. */
  VALIDATING: 'validating',
  /** Streaming rows through validation into staging tables. */
  LOADING: 'loading',
} as const;
