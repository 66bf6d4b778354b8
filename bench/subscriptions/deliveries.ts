/** One message a subscriber received: when, and the job state it carried. */
export interface Delivery {
  readonly at: number;
  readonly status: string;
  readonly rowsDone: number;
  /** The job row's updatedAt: when Postgres wrote the change (and queued its NOTIFY). */
  readonly emittedAt: number;
}

export interface DeliverySummary {
  /** Subscribers that saw every step and the final state. */
  readonly complete: number;
  readonly messages: number;
  readonly delays: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

const TERMINAL = new Set(['SUCCEEDED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED']);

/**
 * Whether each subscriber saw every progress step (rowsDone 1..steps) and ended on a final
 * state, and the delay of each event's first receipt. A subscriber also gets the state it
 * joined at and the once-a-second heartbeat re-reads; a repeated `updatedAt` is not a new
 * event, so only the first receipt of each is timed.
 */
export function summarize(subscribers: readonly (readonly Delivery[])[], steps: number): DeliverySummary {
  const delays: number[] = [];
  let complete = 0;
  let messages = 0;
  for (const received of subscribers) {
    messages += received.length;
    const seen = new Set(received.map((d) => d.rowsDone));
    const last = received[received.length - 1];
    let everyStep = last !== undefined && TERMINAL.has(last.status);
    for (let step = 1; step <= steps; step++) everyStep &&= seen.has(step);
    if (everyStep) complete++;
    const timed = new Set<number>();
    // The first message is the state at subscription time, written before anyone listened.
    for (const d of received.slice(1)) {
      if (timed.has(d.emittedAt)) continue;
      timed.add(d.emittedAt);
      delays.push(d.at - d.emittedAt);
    }
  }
  delays.sort((a, b) => a - b);
  const pct = (p: number): number => delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))] ?? 0;
  return { complete, messages, delays: delays.length, p50: pct(50), p99: pct(99), max: delays[delays.length - 1] ?? 0 };
}
