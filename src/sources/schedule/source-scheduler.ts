import type { JobQueue, StoredSchedule } from '../../jobs/queue';

const PREFIX = 'source-sync-tick-';

/** pg-boss 10 names a schedule after a queue, so each scheduled source has its own tick queue. */
export function tickQueueName(sourceId: string): string {
  return `${PREFIX}${sourceId}`;
}

export function sourceIdOfTickQueue(name: string): string | null {
  return name.startsWith(PREFIX) ? name.slice(PREFIX.length) : null;
}

export interface ScheduledSource {
  readonly id: string;
  readonly scheduleCron: string | null;
  readonly timeZone: string;
}

export interface TickData {
  readonly sourceId: string;
}

/**
 * Keeps pg-boss's schedules in step with the sources. pg-boss stores schedules in Postgres and
 * lets one instance at a time evaluate them, so however many servers run, a due schedule puts
 * exactly one tick job on the source's tick queue; ScheduleTicker turns that into a sync.
 */
export class SourceScheduler {
  constructor(private readonly queue: JobQueue) {}

  /** Creates, changes or removes the source's schedule to match it. */
  async apply(source: ScheduledSource): Promise<void> {
    const name = tickQueueName(source.id);
    if (source.scheduleCron === null) {
      await this.remove(source.id);
      return;
    }
    await this.queue.ensureQueue(name);
    const data: TickData = { sourceId: source.id };
    await this.queue.schedule(name, source.scheduleCron, source.timeZone, { ...data });
  }

  async remove(sourceId: string): Promise<void> {
    const name = tickQueueName(sourceId);
    await this.queue.unschedule(name);
    await this.queue.deleteQueue(name);
  }

  async list(): Promise<StoredSchedule[]> {
    return (await this.queue.schedules()).filter((s) => sourceIdOfTickQueue(s.name) !== null);
  }

  /**
   * Makes every source's schedule right and drops schedules of sources that are gone (a
   * source deleted while pg-boss was unreachable, or a schema restored from elsewhere).
   */
  async reconcile(sources: readonly ScheduledSource[]): Promise<void> {
    const wanted = new Map(sources.filter((s) => s.scheduleCron !== null).map((s) => [s.id, s]));
    for (const stored of await this.list()) {
      const id = sourceIdOfTickQueue(stored.name)!;
      const source = wanted.get(id);
      if (!source) await this.remove(id);
      else if (source.scheduleCron === stored.cron && source.timeZone === stored.timezone) wanted.delete(id);
    }
    for (const source of wanted.values()) await this.apply(source);
  }
}
