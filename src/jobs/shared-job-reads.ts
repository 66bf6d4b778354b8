import type { JobEvents } from './job-events';
import type { SyncJobEntity } from './sync-job.entity';

interface Read {
  /** The job's change count when the read began: it sees every change notified up to then. */
  readonly version: number;
  readonly startedAt: number;
  readonly row: Promise<SyncJobEntity>;
}

interface Watched {
  version: number;
  watchers: number;
  last: Read | undefined;
  stop: () => void;
}

/**
 * One read of a job's row per change, shared by every subscriber watching that job in this
 * process: a thousand subscribers woken by one NOTIFY cost one SELECT, not a thousand. A read
 * is shared only when it began after the change the caller was told of, so nobody is handed a
 * state older than what woke them; an unchanged job is read again at most once per `maxAgeMs`.
 */
export class SharedJobReads {
  private readonly jobs = new Map<string, Watched>();

  constructor(
    private readonly events: JobEvents,
    private readonly readJob: (id: string) => Promise<SyncJobEntity>,
    private readonly maxAgeMs = 1_000,
  ) {}

  /** Starts counting the job's changes; call before the first read, and `release` when done. */
  retain(id: string, onChange: () => void): () => void {
    let watched = this.jobs.get(id);
    if (!watched) {
      const entry: Watched = { version: 0, watchers: 0, last: undefined, stop: () => {} };
      entry.stop = this.events.onJob(id, () => {
        entry.version += 1;
      });
      this.jobs.set(id, (watched = entry));
    }
    watched.watchers += 1;
    // Registered after the counter, so a listener that reads at once sees the new version.
    const stopListening = this.events.onJob(id, onChange);
    const entry = watched;
    return () => {
      stopListening();
      entry.watchers -= 1;
      if (entry.watchers === 0) {
        entry.stop();
        this.jobs.delete(id);
      }
    };
  }

  /** The job as of now (for a retained job: shared with other watchers when that is as fresh). */
  read(id: string): Promise<SyncJobEntity> {
    const watched = this.jobs.get(id);
    if (!watched) return this.readJob(id);
    const last = watched.last;
    if (last && last.version === watched.version && Date.now() - last.startedAt < this.maxAgeMs) return last.row;
    const read: Read = { version: watched.version, startedAt: Date.now(), row: this.readJob(id) };
    watched.last = read;
    // A failed read is not kept for others to share.
    read.row.catch(() => {
      if (watched.last === read) watched.last = undefined;
    });
    return read.row;
  }
}
