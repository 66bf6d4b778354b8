import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../shared/logger';
import type { RateDecision } from './rate-decision';
import { SharedRateLimiter } from './shared-rate-limiter';

export interface RateLimitSettings {
  /** Operations one key may send per window; 0 turns limiting off. */
  readonly points: number;
  readonly durationSeconds: number;
  /** How often an instance sends its counts to Postgres (the `postgres` store); 250 ms unless said. */
  readonly syncMs?: number;
}

const DEFAULT_SYNC_MS = 250;

/**
 * Per-key rate limits, kept in Postgres so N instances share one budget per key instead of
 * granting N times as much (within the overshoot SharedRateLimiter documents). Requests are
 * decided from memory; the counts reach Postgres in one statement per sync interval for all
 * keys, so a request itself runs no statement. The limit is counted per credential as sent
 * (a hash of the Authorization header, or the client address without one), before the key is
 * looked up: unknown keys and guessing are limited too, and a refused request costs no key
 * lookup. If Postgres cannot answer, each instance limits alone with a budget of the same size.
 */
export class KeyRateLimiter {
  private readonly shared: SharedRateLimiter | undefined;
  private readonly memory: RateLimiterMemory | undefined;

  /** `memory`: counted per instance (for high-rate clients whose budget need not be shared exactly). */
  constructor(db: DataSource, settings: RateLimitSettings, log: Logger, store: 'postgres' | 'memory' = 'postgres') {
    if (settings.points <= 0) return;
    if (store === 'memory') {
      this.memory = new RateLimiterMemory({ points: settings.points, duration: settings.durationSeconds });
      return;
    }
    this.shared = new SharedRateLimiter(db, { ...settings, syncMs: settings.syncMs ?? DEFAULT_SYNC_MS }, log);
  }

  /** Spends one point of `subject`'s budget (see `subjectOf`). */
  async take(subject: string): Promise<RateDecision> {
    if (this.shared) return this.shared.take(subject);
    if (!this.memory) return { allowed: true };
    try {
      await this.memory.consume(subject);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      throw rejection;
    }
  }

  /** Sends this instance's counts to Postgres now rather than at the next interval. */
  async sync(): Promise<void> {
    await this.shared?.sync();
  }

  /** At shutdown, once requests have finished: sends the last counts and stops the timer. */
  async stop(): Promise<void> {
    await this.shared?.stop();
  }
}

/**
 * Whose budget a request spends: its credential (hashed with a purpose prefix, so the table
 * never holds what `api_key.key_hash` holds), or its address when it sent none.
 */
export function subjectOf(authorization: unknown, address: string | undefined): string {
  if (typeof authorization === 'string' && authorization !== '') {
    return `key:${createHash('sha256').update(`rate-limit\0${authorization.trim()}`, 'utf8').digest('base64url')}`;
  }
  return `addr:${address ?? 'unknown'}`;
}
