import type { QueryRunner } from 'typeorm';
import type { ResolvedImsOptions } from '../options/ims-options';

/** Outcome counts of one kind of element (and what it made along the way). */
export type EntityCount = Record<string, number>;

/**
 * What the set-based steps share: the import's transaction, its system and options, and the
 * counts they fill in. Every statement binds the system as `$1`.
 */
export class ApplyContext {
  readonly counts = new Map<string, EntityCount>();

  constructor(
    readonly queryRunner: QueryRunner,
    readonly options: ResolvedImsOptions,
    /** `<properties><datasource>` of the file, for naming the default school. */
    readonly datasource: string | null,
    readonly signal: AbortSignal,
  ) {}

  get system(): string {
    return this.options.system;
  }

  /** Adds to a count (`count('persons', 'created', 3)`). */
  count(entity: string, outcome: string, n: number): void {
    if (n === 0) return;
    const counts = this.counts.get(entity) ?? {};
    counts[outcome] = (counts[outcome] ?? 0) + n;
    this.counts.set(entity, counts);
  }

  async query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    this.signal.throwIfAborted();
    const result = (await this.queryRunner.query(text, params)) as unknown;
    // UPDATE/DELETE through TypeORM come back as [rows, count].
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
    return result as T[];
  }

  /** The first row's `n` (for `select count(*)::int as n`). */
  async number(text: string, params: unknown[] = []): Promise<number> {
    const rows = await this.query<{ n: number | null }>(text, params);
    return rows[0]?.n ?? 0;
  }
}
