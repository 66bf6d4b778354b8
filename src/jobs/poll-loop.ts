import type { Logger } from '../shared/logger';

/**
 * Runs a pass now and every `intervalMs` until stopped, the shape of every background loop
 * a worker process keeps (schedule ticks, mail): passes never overlap, a failed pass is
 * logged and the next one runs, `prepare` runs once before the first pass that succeeds in
 * running it, and `stop()` waits for the pass in flight.
 */
export class PollLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopping = false;
  private prepared = false;

  constructor(
    private readonly what: string,
    private readonly pass: () => Promise<void>,
    private readonly log: Logger,
    private readonly prepare?: () => Promise<void>,
  ) {}

  /** True once `stop()` was called: a long pass checks it between steps. */
  get stopped(): boolean {
    return this.stopping;
  }

  start(intervalMs: number, { now = true }: { now?: boolean } = {}): void {
    this.stopping = false;
    this.timer = setInterval(() => void this.poll(), intervalMs);
    this.timer.unref();
    if (now) void this.poll();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass, after the one in flight. */
  poll(): Promise<void> {
    this.running = this.running
      .then(() => (this.stopping ? undefined : this.once()))
      .catch((error: unknown) => this.log.error({ err: error }, `${this.what} failed`));
    return this.running;
  }

  private async once(): Promise<void> {
    if (!this.prepared && this.prepare) {
      await this.prepare();
      this.prepared = true;
    }
    await this.pass();
  }
}
