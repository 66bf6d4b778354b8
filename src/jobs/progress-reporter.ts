import type { DataSource } from 'typeorm';
import { IssueSeverity } from './sync-job-status';
import { SyncJobIssueEntity } from './sync-job-issue.entity';

export interface JobIssue {
  readonly severity: IssueSeverity;
  readonly code: string;
  readonly message: string;
  readonly file?: string | null;
  readonly line?: number | null;
  readonly column?: string | null;
  readonly recordKey?: string | null;
}

export interface Counts {
  added?: number;
  updated?: number;
  deleted?: number;
  unchanged?: number;
  rejected?: number;
}

/** How often progress reaches the database (and, through its trigger, every subscriber). */
export const FLUSH_INTERVAL_MS = 500;
const ISSUE_BATCH = 1_000;

/**
 * Collects a running job's progress in memory and writes it at most every FLUSH_INTERVAL_MS,
 * and at least once a second while the job runs (a heartbeat subscribers can rely on). Each
 * flush also reads the cancel flag, so a cancel reaches the handler within a second.
 */
export class ProgressReporter {
  private phase = 'running';
  private rowsDone = 0;
  private rowsTotal: number | null = null;
  private readonly counts: Required<Counts> = { added: 0, updated: 0, deleted: 0, unchanged: 0, rejected: 0 };
  private warnings = 0;
  private errors = 0;
  private entityCounts: Record<string, Record<string, number>> = {};
  private result: Record<string, unknown> = {};
  private pendingIssues: JobIssue[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private lastFlush = 0;

  constructor(
    private readonly db: DataSource,
    private readonly jobId: string,
    private readonly onCancelRequested: () => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush().catch(() => {}), 1_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  setPhase(phase: string): void {
    this.phase = phase;
    this.maybeFlush();
  }

  setTotal(rows: number | null): void {
    this.rowsTotal = rows;
  }

  advance(rows = 1): void {
    this.rowsDone += rows;
    this.maybeFlush();
  }

  setDone(rows: number): void {
    this.rowsDone = rows;
    this.maybeFlush();
  }

  addCounts(counts: Counts): void {
    for (const key of Object.keys(this.counts) as (keyof Counts)[]) this.counts[key] += counts[key] ?? 0;
  }

  /** Warnings summed up rather than listed one by one still count. */
  countWarnings(n: number): void {
    this.warnings += n;
  }

  setEntityCounts(entityCounts: Record<string, Record<string, number>>): void {
    this.entityCounts = entityCounts;
  }

  setResult(result: Record<string, unknown>): void {
    this.result = { ...this.result, ...result };
  }

  /**
   * Records a row-level problem. Counting rejected rows is the caller's (`addCounts`): one row
   * may carry several errors.
   */
  issue(issue: JobIssue): void {
    if (issue.severity === IssueSeverity.ERROR) this.errors += 1;
    else this.warnings += 1;
    this.pendingIssues.push(issue);
    if (this.pendingIssues.length >= ISSUE_BATCH) this.maybeFlush(true);
  }

  /** Rows rejected or errors reported: either makes the job COMPLETED_WITH_ERRORS. */
  get hasErrors(): boolean {
    return this.counts.rejected > 0 || this.errors > 0;
  }

  /** Writes everything collected so far; serialised so flushes never overlap. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private maybeFlush(force = false): void {
    if (force || Date.now() - this.lastFlush >= FLUSH_INTERVAL_MS) void this.flush().catch(() => {});
  }

  private async write(): Promise<void> {
    this.lastFlush = Date.now();
    const issues = this.pendingIssues;
    this.pendingIssues = [];
    if (issues.length > 0) {
      await this.db
        .createQueryBuilder()
        .insert()
        .into(SyncJobIssueEntity)
        .values(
          issues.map((i) => ({
            jobId: this.jobId,
            severity: i.severity,
            code: i.code,
            message: i.message,
            file: i.file ?? null,
            line: i.line ?? null,
            column: i.column ?? null,
            recordKey: i.recordKey ?? null,
          })),
        )
        .execute();
    }
    const rows = (await this.db.query(
      `update sync_job set phase = $2, rows_done = $3, rows_total = $4, added = $5, updated = $6, deleted = $7,
         unchanged = $8, rejected = $9, warnings = $10, entity_counts = $11, result = $12, updated_at = now()
       where id = $1 returning cancel_requested_at`,
      [
        this.jobId,
        this.phase,
        this.rowsDone,
        this.rowsTotal,
        this.counts.added,
        this.counts.updated,
        this.counts.deleted,
        this.counts.unchanged,
        this.counts.rejected,
        this.warnings,
        JSON.stringify(this.entityCounts),
        JSON.stringify(this.result),
      ],
    )) as [{ cancel_requested_at: Date | null }[], number];
    if (rows[0]?.[0]?.cancel_requested_at) this.onCancelRequested();
  }
}
