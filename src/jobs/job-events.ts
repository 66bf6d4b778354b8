import { EventEmitter } from 'node:events';
import createSubscriber, { type Subscriber } from 'pg-listen';
import type { Logger } from '../shared/logger';

/** The channel a trigger on `sync_job` notifies on every insert and update (see its migration). */
export const SYNC_JOB_CHANNEL = 'sync_job_updated';

interface JobNotification {
  readonly id: string;
}

/**
 * Job change events for this process, from Postgres LISTEN/NOTIFY, so a job updated by a
 * worker on any machine reaches subscribers on every server. One dedicated connection per
 * process (pg-listen reconnects it); NOTIFY carries only the id, subscribers re-read the row.
 */
export class JobEvents {
  private readonly emitter = new EventEmitter();
  private readonly subscriber: Subscriber<Record<string, JobNotification>>;
  private connected = false;

  constructor(databaseUrl: string, private readonly log: Logger) {
    this.emitter.setMaxListeners(0);
    this.subscriber = createSubscriber({ connectionString: databaseUrl }, { retryLimit: Infinity });
    this.subscriber.notifications.on(SYNC_JOB_CHANNEL, (payload: JobNotification) => {
      if (payload && typeof payload.id === 'string') this.emitter.emit(payload.id, payload);
    });
    this.subscriber.events.on('error', (error: Error) => this.log.error({ err: error }, 'job event listener failed'));
    this.subscriber.events.on('reconnect', (attempt: number) => this.log.warn({ attempt }, 'job event listener reconnecting'));
  }

  async start(): Promise<void> {
    await this.subscriber.connect();
    await this.subscriber.listenTo(SYNC_JOB_CHANNEL);
    this.connected = true;
  }

  async stop(): Promise<void> {
    this.emitter.removeAllListeners();
    if (this.connected) await this.subscriber.close();
    this.connected = false;
  }

  /** Calls `listener` on each change of job `id`; returns the function that stops it. */
  onJob(id: string, listener: () => void): () => void {
    this.emitter.on(id, listener);
    return () => this.emitter.off(id, listener);
  }
}
