import type { DataSource } from 'typeorm';
import { PollLoop } from '../../jobs/poll-loop';
import { drainTicks, type JobQueue } from '../../jobs/queue';
import type { Logger } from '../../shared/logger';
import { XapiPullSourceEntity } from './pull-source.entity';
import { tickQueueOf, type XapiPullService } from './pull-source.service';

/**
 * Turns due pull schedules into `xapi-pull` jobs, as the sources' ScheduleTicker does for
 * syncs: pg-boss fires each cron once across every instance onto the source's tick queue, and
 * SKIP LOCKED hands each tick to one process.
 */
export class PullTicker {
  private readonly loop: PollLoop;

  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly pulls: XapiPullService,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {
    this.loop = new PollLoop('xAPI pull schedule check', () => this.pass(), log);
  }

  start(): void {
    this.loop.start(this.intervalMs, { now: false });
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  poll(): Promise<void> {
    return this.loop.poll();
  }

  private async pass(): Promise<void> {
    const scheduled = await this.db.getRepository(XapiPullSourceEntity).createQueryBuilder('s').select('s.id').where('s.schedule_cron is not null').getMany();
    for (const { id } of scheduled) {
      if (this.loop.stopped) return;
      await drainTicks<{ pullSourceId: string }>(this.queue, tickQueueOf(id), async () => void (await this.pulls.pullNow(id, null)), this.log);
    }
  }
}
