import type { AfterQueryEvent, EntitySubscriberInterface } from 'typeorm';
import type { DataSource } from 'typeorm';
import { ProgressReporter } from '../src/jobs/progress-reporter';

export interface TimedQuery {
  readonly phase: string;
  readonly query: string;
  readonly calls: number;
  readonly ms: number;
}

export interface PhaseTime {
  readonly phase: string;
  readonly ms: number;
}

/**
 * Bench-only instrumentation around an unmodified import: TypeORM's afterQuery event gives
 * each statement's time (the COPYs of staging go through pg-copy-streams and are not seen),
 * the job's phase changes split the wall time, and the staging tables' creation marks where
 * each file's load starts.
 */
export class QueryProfile implements EntitySubscriberInterface {
  phase = 'starting';
  private readonly byKey = new Map<string, { phase: string; query: string; calls: number; ms: number }>();
  readonly fileStarts: { file: string; at: number }[] = [];

  afterQuery(event: AfterQueryEvent): void {
    const text = event.query.replace(/\s+/g, ' ').trim();
    // The progress reporter's own writes are the job's bookkeeping, not the import's work.
    if (/^update sync_job set phase|^INSERT INTO "sync_job_issue"/.test(text)) return;
    const staging = /^create temp table "stage_(\w+)"/.exec(text);
    if (staging?.[1]) this.fileStarts.push({ file: staging[1], at: performance.now() });
    const query = text.slice(0, 110);
    const key = `${this.phase}|${query}`;
    const entry = this.byKey.get(key) ?? { phase: this.phase, query, calls: 0, ms: 0 };
    entry.calls++;
    entry.ms += event.executionTime ?? 0;
    this.byKey.set(key, entry);
  }

  top(n: number): TimedQuery[] {
    return [...this.byKey.values()].sort((a, b) => b.ms - a.ms).slice(0, n);
  }

  totalMs(): number {
    return [...this.byKey.values()].reduce((sum, q) => sum + q.ms, 0);
  }
}

/** A ProgressReporter that also notes when each phase starts (and tells the query profile). */
export class PhaseTimingReporter extends ProgressReporter {
  readonly phases: { phase: string; at: number }[] = [];

  constructor(db: DataSource, jobId: string, onCancel: () => void, private readonly profile: QueryProfile) {
    super(db, jobId, onCancel);
  }

  override setPhase(phase: string): void {
    if (this.phases[this.phases.length - 1]?.phase !== phase) this.phases.push({ phase, at: performance.now() });
    this.profile.phase = phase;
    super.setPhase(phase);
  }

  durations(end: number): PhaseTime[] {
    return this.phases.map((p, i) => ({ phase: p.phase, ms: (this.phases[i + 1]?.at ?? end) - p.at }));
  }
}
