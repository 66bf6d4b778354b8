import type { RateDecision } from './rate-decision';

/** What one subject has spent in its current window, as far as this instance knows. */
interface Tally {
  /** Points of the window every instance together had spent at this instance's last sync (its own included). */
  shared: number;
  /** Points granted here since then and not yet sent to Postgres. */
  pending: number;
  /** Points granted here that the sync statement in flight carries (once answered, they are in `shared`). */
  sending: number;
  /** When the window ends, on this process's clock: Postgres's end once a sync has told, else an estimate. */
  windowEnd: number;
}

/** Points taken from one subject's tally for one sync statement. */
export interface SentPoints {
  readonly subject: string;
  readonly points: number;
  readonly tally: Tally;
}

/** Postgres's answer for one subject: the window's total over all instances, and the time it has left. */
export interface SharedTotal {
  readonly subject: string;
  readonly points: number;
  readonly msLeft: number;
}

/**
 * The in-memory half of a shared budget: decides every request from what this instance knows
 * (the shared total at its last sync plus what it granted since) without any I/O, and hands
 * the points granted since the last sync to whoever sends them to Postgres. A subject whose
 * known total reaches the budget is refused here until its window ends. Refused requests
 * spend nothing, so a blocked client costs neither memory growth nor statements.
 */
export class LocalTallies {
  private readonly tallies = new Map<string, Tally>();
  /** Subjects with pending points, so a sync visits only those and not every tally. */
  private readonly dirty = new Set<string>();

  constructor(
    private readonly points: number,
    private readonly durationMs: number,
  ) {}

  take(subject: string, now: number): RateDecision {
    let tally = this.tallies.get(subject);
    if (!tally || now >= tally.windowEnd) {
      // A new window. Points still pending from the old one belonged to it and are over with it.
      tally = { shared: 0, pending: 0, sending: 0, windowEnd: now + this.durationMs };
      this.tallies.set(subject, tally);
      this.dirty.delete(subject);
    }
    if (tally.shared + tally.sending + tally.pending >= this.points) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((tally.windowEnd - now) / 1000)) };
    }
    tally.pending += 1;
    this.dirty.add(subject);
    return { allowed: true };
  }

  /** Moves every pending point into `sending` and returns them, for one sync. */
  drain(): SentPoints[] {
    const sent: SentPoints[] = [];
    for (const subject of this.dirty) {
      const tally = this.tallies.get(subject);
      if (!tally || tally.pending === 0) continue;
      sent.push({ subject, points: tally.pending, tally });
      tally.sending += tally.pending;
      tally.pending = 0;
    }
    this.dirty.clear();
    return sent;
  }

  /** Postgres took the points: each subject now knows its window's shared total and end. */
  settle(sent: readonly SentPoints[], totals: readonly SharedTotal[], now: number): void {
    const bySubject = new Map(totals.map((t) => [t.subject, t]));
    for (const { subject, points, tally } of sent) {
      tally.sending -= points;
      const total = bySubject.get(subject);
      // A tally replaced meanwhile (its local window ended) learns its own total at its next sync.
      if (!total || this.tallies.get(subject) !== tally) continue;
      tally.shared = total.points;
      tally.windowEnd = now + total.msLeft;
    }
  }

  /** Postgres did not take the points: they stay pending (and keep counting here) for the next sync. */
  restore(sent: readonly SentPoints[]): void {
    for (const { subject, points, tally } of sent) {
      tally.sending -= points;
      if (this.tallies.get(subject) !== tally) continue;
      tally.pending += points;
      this.dirty.add(subject);
    }
  }

  /** Points granted here that no sync has carried yet. */
  pendingPoints(): number {
    let sum = 0;
    for (const subject of this.dirty) sum += this.tallies.get(subject)?.pending ?? 0;
    return sum;
  }

  /** Forgets subjects whose window has ended and who have nothing left to send. */
  sweep(now: number): void {
    for (const [subject, tally] of this.tallies) {
      if (now >= tally.windowEnd && tally.pending === 0 && tally.sending === 0) this.tallies.delete(subject);
    }
  }
}
