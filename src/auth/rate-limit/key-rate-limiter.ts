import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../shared/logger';

export interface RateLimitSettings {
  /** Operations one key may send per window; 0 turns limiting off. */
  readonly points: number;
  readonly durationSeconds: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Per-key rate limits (rate-limiter-flexible) kept in Postgres, so N instances share one
 * budget per key instead of granting N times as much. The limit is counted per credential
 * as sent (a hash of the Authorization header, or the client address without one), before
 * the key is looked up: unknown keys and guessing are limited too, and a refused request
 * costs no key lookup. If Postgres cannot answer, an in-memory limiter of the same size
 * stands in (per instance) rather than letting everything through or refusing everything.
 */
export class KeyRateLimiter {
  private readonly limiter: RateLimiterPostgres | RateLimiterMemory | undefined;

  /** `memory`: counted per instance (for high-rate clients whose budget need not be shared exactly). */
  constructor(db: DataSource, settings: RateLimitSettings, log: Logger, store: 'postgres' | 'memory' = 'postgres') {
    if (settings.points <= 0) return;
    const size = { points: settings.points, duration: settings.durationSeconds };
    if (store === 'memory') {
      this.limiter = new RateLimiterMemory(size);
      return;
    }
    this.limiter = new RateLimiterPostgres(
      {
        ...size,
        storeClient: db,
        storeType: 'typeorm',
        tableName: 'rate_limit',
        // Created by a migration, never at run time.
        tableCreated: true,
        keyPrefix: 'lg',
        // Once over the limit, refuse from memory until the window ends: abuse costs no statements.
        inMemoryBlockOnConsumed: settings.points + 1,
        insuranceLimiter: new RateLimiterMemory(size),
      },
      (error) => {
        if (error) log.warn({ err: error }, 'rate limit store unavailable; limiting in memory');
      },
    );
  }

  /** Spends one point of `subject`'s budget (see `subjectOf`). */
  async take(subject: string): Promise<RateDecision> {
    if (!this.limiter) return { allowed: true };
    try {
      await this.limiter.consume(subject);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      throw rejection;
    }
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
