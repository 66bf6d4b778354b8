import type { DataSource } from 'typeorm';
import type { JobQueue } from '../../jobs/queue';
import type { Logger } from '../../shared/logger';
import { XapiPullSourceEntity } from './pull-source.entity';
import { tickQueueOf, type XapiPullService } from './pull-source.service';

/**
 * Turns due pull schedules into `xapi-pull` jobs, as the sources' ScheduleTicker does for
 * syncs: pg-boss fires each cron once across every instance onto the source's tick queue, and
 * SKIP LOCKED hands each tick to one process.
 */
export class PullTicker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly pulls: XapiPullService,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  poll(): Promise<void> {
    this.running = this.running
      .then(() => (this.stopped ? undefined : this.pass()))
      .catch((error: unknown) => this.log.error({ err: error }, 'xAPI pull schedule check failed'));
    return this.running;
  }

  private async pass(): Promise<void> {
    const scheduled = await this.db.getRepository(XapiPullSourceEntity).createQueryBuilder('s').select('s.id').where('s.schedule_cron is not null').getMany();
    for (const { id } of scheduled) {
      if (this.stopped) return;
      const name = tickQueueOf(id);
      for (const tick of await this.queue.fetch<{ pullSourceId: string }>(name)) {
        try {
          await this.pulls.pullNow(id, null);
          await this.queue.complete(name, tick.id);
        } catch (error) {
          await this.queue.fail(name, tick.id, error instanceof Error ? error : new Error(String(error)));
        }
      }
    }
  }
}
