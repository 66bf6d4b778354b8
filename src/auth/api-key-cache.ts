import type { Viewer } from './viewer';

/**
 * Recent API key lookups, so that a client sending requests back to back pays the lookup
 * statement once per window instead of once per request. Bounded: the oldest entry goes when
 * it is full (a flood of made-up keys costs lookups, never memory). Unknown keys are kept too,
 * so repeating one is as cheap as repeating a good one.
 *
 * A revocation on this instance takes effect at once (`forget`); on other instances it takes
 * effect when their entry expires, at most `ttlMs` later.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, { readonly viewer: Viewer | null; readonly expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached answer (a viewer, or null for an unknown key), or undefined when there is none. */
  get(hash: Buffer): Viewer | null | undefined {
    if (this.ttlMs <= 0) return undefined;
    const id = hash.toString('base64');
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.viewer;
  }

  set(hash: Buffer, viewer: Viewer | null): void {
    if (this.ttlMs <= 0) return;
    const id = hash.toString('base64');
    this.entries.delete(id);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(id, { viewer, expires: Date.now() + this.ttlMs });
  }

  forget(hash: Buffer): void {
    this.entries.delete(hash.toString('base64'));
  }
}
