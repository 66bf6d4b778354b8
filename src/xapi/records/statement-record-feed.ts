import createSubscriber, { type Subscriber } from 'pg-listen';
import type { DataSource } from 'typeorm';
import type { IdentityService } from '../../identity';
import type { Logger } from '../../shared/logger';
import { type ProjectionOutcome, projectPendingStatements } from './statement-records';

/** The channel the `xapi_statement` insert trigger notifies on (see its migration). */
export const STATEMENTS_STORED_CHANNEL = 'xapi_statements_stored';

export interface StatementRecordFeedOptions {
  /** Statements per transaction. */
  readonly batchSize?: number;
  /** A drain even without a notification (one lost while the listener reconnected). */
  readonly fallbackIntervalMs?: number;
}

/**
 * Turns stored statements into learning records after their batch commits. The statement's
 * own transaction only adds its key to `xapi_record_pending` (a trigger, so nothing the LRS
 * stores can be missed, even if this process dies) and notifies; this feed, in every process
 * that works on jobs, wakes on the notification and drains the list in batches. Doing it
 * here rather than in the POST's transaction keeps identity matching, item and record upserts
 * (a dozen statements) off the request path and pays them once per batch of up to
 * `batchSize` statements instead of once per POST; the learner's history lags the LRS by the
 * length of one drain.
 */
export class StatementRecordFeed {
  private readonly subscriber: Subscriber;
  private readonly batchSize: number;
  private readonly fallbackIntervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly db: DataSource,
    databaseUrl: string,
    private readonly identity: IdentityService,
    private readonly log: Logger,
    options: StatementRecordFeedOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 2_000;
    this.fallbackIntervalMs = options.fallbackIntervalMs ?? 30_000;
    this.subscriber = createSubscriber({ connectionString: databaseUrl }, { retryLimit: Infinity });
    this.subscriber.notifications.on(STATEMENTS_STORED_CHANNEL, () => this.wake());
    this.subscriber.events.on('error', (error: Error) => this.log.error({ err: error }, 'xAPI record feed listener failed'));
    // Whatever was stored while the listener was away is drained once it is back.
    this.subscriber.events.on('reconnect', () => this.wake());
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.subscriber.connect();
    await this.subscriber.listenTo(STATEMENTS_STORED_CHANNEL);
    this.timer = setInterval(() => this.wake(), this.fallbackIntervalMs);
    this.timer.unref();
    // Statements stored while no process listened.
    this.wake();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.subscriber.close();
    await this.running;
  }

  /** Resolves once everything pending when it was called (and since) has been projected. */
  async drained(): Promise<void> {
    this.wake();
    while (this.running) await this.running;
  }

  /** Drains now unless a drain is running; then that drain goes round once more. */
  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.log.error({ err: error }, 'turning xAPI statements into learning records failed; retried on the next notification'))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      this.again = false;
      const outcome: ProjectionOutcome = await this.db.transaction((tx) => projectPendingStatements(tx, this.identity, this.batchSize));
      if (outcome.statements > 0) this.log.debug({ ...outcome }, 'xAPI statements projected to learning records');
      if (outcome.statements < this.batchSize || this.stopped) return;
    }
  }
}
