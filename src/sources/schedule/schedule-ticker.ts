import type { DataSource } from 'typeorm';
import type { JobQueue } from '../../jobs/queue';
import type { Logger } from '../../shared/logger';
import { SourceEntity } from '../source.entity';
import { type TickData, tickQueueName } from './source-scheduler';

/**
 * Takes due schedule ticks off the sources' tick queues and starts their syncs. pg-boss 10 has
 * no wildcard `work()`, so one loop per process fetches each scheduled source's queue every
 * SCHEDULE_CHECK_SECONDS; SKIP LOCKED hands each tick to exactly one process.
 */
export class ScheduleTicker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private prepared = false;

  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly onTick: (sourceId: string) => Promise<void>,
    /** Run once before the first pass: bring pg-boss's schedules in line with the sources. */
    private readonly prepare: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
    void this.poll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass over every scheduled source's queue (polls never overlap). */
  poll(): Promise<void> {
    this.running = this.running.then(() => (this.stopped ? undefined : this.pass())).catch((error: unknown) => {
      this.log.error({ err: error }, 'schedule check failed');
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    if (!this.prepared) {
      await this.prepare();
      this.prepared = true;
    }
    const sources = await this.db
      .getRepository(SourceEntity)
      .createQueryBuilder('s')
      .select('s.id')
      .where('s.schedule_cron is not null')
      .getMany();
    for (const { id } of sources) {
      if (this.stopped) return;
      const name = tickQueueName(id);
      for (const tick of await this.queue.fetch<TickData>(name)) {
        try {
          await this.onTick(tick.data.sourceId ?? id);
          await this.queue.complete(name, tick.id);
        } catch (error) {
          this.log.error({ err: error, sourceId: id }, 'scheduled sync could not start');
          await this.queue.fail(name, tick.id, error instanceof Error ? error : new Error(String(error)));
        }
      }
    }
  }
}
