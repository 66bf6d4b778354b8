import type { DataSource } from 'typeorm';
import type { Logger } from '../../shared/logger';
import { LocalTallies, type SentPoints } from './local-tallies';
import type { RateDecision } from './rate-decision';
import { SUBJECTS_PER_STATEMENT, addPoints, clearExpired } from './rate-limit-store';

export interface SharedRateLimitSettings {
  readonly points: number;
  readonly durationSeconds: number;
  /** How often the points granted here are sent to Postgres and the shared totals read back. */
  readonly syncMs: number;
}

/** Tallies of ended windows are dropped this often (not every sync: that would visit every subject). */
const SWEEP_MS = 10_000;
/** Rows of ended windows are deleted this often, as rate-limiter-flexible's Postgres store did. */
const CLEAR_EXPIRED_MS = 5 * 60_000;

/**
 * A per-subject budget that every instance shares through Postgres, without a statement per
 * request. Each instance decides from memory (LocalTallies) and, every `syncMs`, sends the
 * points it granted to all subjects touched since its last sync in one statement, which
 * answers their windows' totals over all instances; a subject whose total has reached the
 * budget is then refused here until its window ends.
 *
 * The price is a bounded overshoot: between two syncs an instance does not see what the
 * others grant. Per subject and window, all instances together grant at most the budget plus,
 * for every instance but one, what it granted to that subject in the sync interval (plus the
 * sync statement's own time) in which the total crossed the budget; and no instance ever
 * grants more than the budget. With N instances sharing a subject's requests that is at most
 * `points + (N - 1) × (requests one instance grants that subject per interval)`. A single
 * instance never overshoots: it counts every grant before the next request is decided.
 *
 * If Postgres cannot answer, the points stay pending and keep counting here: each instance
 * limits alone with a budget of the same size (a warning says so once), and sends them once
 * Postgres answers again. Points of a window that ended meanwhile are dropped with it.
 */
export class SharedRateLimiter {
  private readonly tallies: LocalTallies;
  private readonly timer: NodeJS.Timeout;
  private syncing: Promise<void> | undefined;
  private storeDown = false;
  private lastSweep = Date.now();
  private lastClear = Date.now();
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly settings: SharedRateLimitSettings,
    private readonly log: Logger,
  ) {
    this.tallies = new LocalTallies(settings.points, settings.durationSeconds * 1000);
    // A tick finding a sync still running (Postgres slow or away) skips rather than queueing up.
    this.timer = setInterval(() => void (this.syncing ?? this.sync()), settings.syncMs);
    // Counting must never keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  /** Decides from memory: no I/O on the request path. */
  take(subject: string): RateDecision {
    return this.tallies.take(subject, Date.now());
  }

  /**
   * Sends every point granted until now (after the sync already running, if any) and learns
   * the shared totals. Never rejects: a failure leaves the points pending.
   */
  sync(): Promise<void> {
    const run = (this.syncing ?? Promise.resolve()).then(() => this.push());
    this.syncing = run;
    void run.then(() => {
      if (this.syncing === run) this.syncing = undefined;
    });
    return run;
  }

  /** Stops syncing after sending what was counted: shutdown loses no points while Postgres answers. */
  stop(): Promise<void> {
    return (this.stopped ??= (async () => {
      clearInterval(this.timer);
      await this.sync();
      const lost = this.tallies.pendingPoints();
      if (lost > 0) this.log.warn({ points: lost }, 'rate limit points not saved at shutdown: Postgres did not answer');
    })());
  }

  private async push(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep >= SWEEP_MS) {
      this.lastSweep = now;
      this.tallies.sweep(now);
    }
    if (now - this.lastClear >= CLEAR_EXPIRED_MS) {
      this.lastClear = now;
      // Not critical: rows of ended windows are only dead weight until the next attempt.
      await clearExpired(this.db).catch((error: unknown) => this.log.debug({ err: error }, 'clearing expired rate limit rows failed'));
    }
    const sent = this.tallies.drain();
    for (let i = 0; i < sent.length; i += SUBJECTS_PER_STATEMENT) {
      const chunk = sent.slice(i, i + SUBJECTS_PER_STATEMENT);
      try {
        const totals = await addPoints(this.db, chunk, this.settings.durationSeconds * 1000);
        this.tallies.settle(chunk, totals, Date.now());
      } catch (error) {
        this.unreachable(error, sent.slice(i));
        return;
      }
    }
    if (this.storeDown && sent.length > 0) {
      this.storeDown = false;
      this.log.info('rate limit store answers again; budgets are shared again');
    }
  }

  private unreachable(error: unknown, unsent: readonly SentPoints[]): void {
    this.tallies.restore(unsent);
    if (this.storeDown) return;
    this.storeDown = true;
    this.log.warn({ err: error }, 'rate limit store unavailable; limiting in memory');
  }
}
