import type { DataSource } from 'typeorm';
import { PollLoop } from '../../jobs/poll-loop';
import { drainTicks, type JobQueue } from '../../jobs/queue';
import type { Logger } from '../../shared/logger';
import { SourceEntity } from '../source.entity';
import { type TickData, tickQueueName } from './source-scheduler';

/**
 * Takes due schedule ticks off the sources' tick queues and starts their syncs. pg-boss 10 has
 * no wildcard `work()`, so one loop per process fetches each scheduled source's queue every
 * SCHEDULE_CHECK_SECONDS; SKIP LOCKED hands each tick to exactly one process.
 */
export class ScheduleTicker {
  private readonly loop: PollLoop;

  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly onTick: (sourceId: string) => Promise<void>,
    /** Run once before the first pass: bring pg-boss's schedules in line with the sources. */
    prepare: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {
    this.loop = new PollLoop('schedule check', () => this.pass(), log, prepare);
  }

  start(): void {
    this.loop.start(this.intervalMs);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass over every scheduled source's queue (polls never overlap). */
  poll(): Promise<void> {
    return this.loop.poll();
  }

  private async pass(): Promise<void> {
    const sources = await this.db
      .getRepository(SourceEntity)
      .createQueryBuilder('s')
      .select('s.id')
      .where('s.schedule_cron is not null')
      .getMany();
    for (const { id } of sources) {
      if (this.loop.stopped) return;
      await drainTicks<TickData>(this.queue, tickQueueName(id), (data) => this.onTick(data.sourceId ?? id), this.log);
    }
  }
}
