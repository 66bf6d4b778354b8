import type { DataSource } from 'typeorm';
import type { ComplianceConfig } from '../../config';
import { PollLoop } from '../../jobs/poll-loop';
import type { JobQueue } from '../../jobs/queue';
import type { Logger } from '../../shared/logger';
import { queueExpiryNotices } from './expiry-notices';
import type { OutboxSender, SendOutcome } from './outbox-sender';

/** The pg-boss queue (and cron schedule) of the daily run. */
export const EXPIRY_MAIL_QUEUE = 'compliance-expiry-mail';

export interface ExpiryRunOutcome extends SendOutcome {
  readonly queued: number;
}

/**
 * The daily expiry mail: a pg-boss cron schedule puts one tick a day on EXPIRY_MAIL_QUEUE, and
 * whichever process takes it (SKIP LOCKED: exactly one) queues the day's notices and sends them.
 * Every poll also sends what is due for a retry, so a failed message does not wait a day.
 */
export class ExpiryMail {
  private readonly loop: PollLoop;

  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly sender: OutboxSender,
    private readonly config: ComplianceConfig,
    private readonly log: Logger,
  ) {
    this.loop = new PollLoop('expiry mail pass', () => this.pass(), log, async () => {
      await this.queue.ensureQueue(EXPIRY_MAIL_QUEUE);
      await this.queue.schedule(EXPIRY_MAIL_QUEUE, this.config.expiryCron, this.config.expiryTimeZone, {});
    });
  }

  /** Queues due notices and sends what the outbox has due; what the daily tick does. */
  async runNow(): Promise<ExpiryRunOutcome> {
    const queued = await queueExpiryNotices(this.db, this.config.expiryThresholds);
    const outcome = await this.sender.sendDue();
    this.log.info({ queued, ...outcome }, 'expiry mail run');
    return { queued, ...outcome };
  }

  start(intervalMs: number): void {
    if (!this.sender.configured) {
      this.log.warn('SMTP_HOST is not set: expiry notices are not sent');
      return;
    }
    this.loop.start(intervalMs);
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.sender.close();
  }

  /** One pass (passes never overlap): take a due daily tick, then send due retries. */
  poll(): Promise<void> {
    return this.loop.poll();
  }

  private async pass(): Promise<void> {
    for (const tick of await this.queue.fetch<object>(EXPIRY_MAIL_QUEUE, 1)) {
      try {
        await this.runNow();
        await this.queue.complete(EXPIRY_MAIL_QUEUE, tick.id);
      } catch (error) {
        await this.queue.fail(EXPIRY_MAIL_QUEUE, tick.id, error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
    }
    if (!this.loop.stopped) await this.sender.sendDue();
  }
}
