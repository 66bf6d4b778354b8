import type { QueryRunner } from 'typeorm';
import { error, warning } from '../../ingest/diagnostic';
import type { IngestProgress } from '../../ingest/pipeline/ingest-progress';
import type { Strictness } from './cells';
import type { FilePlan } from './file-plan';
import type { RosterFile } from './versions';

export interface EntityCount {
  added: number;
  updated: number;
  deleted: number;
  unchanged: number;
  rejected: number;
}

/**
 * Everything the set-based checks and apply steps share: the transaction, the source system,
 * the staged files, and the per-entity counts they fill in.
 */
export class ImportContext {
  readonly counts = new Map<string, EntityCount>();
  /** Live records each bulk file no longer lists, as counted before the apply (see thresholds). */
  readonly missingFromBulk = new Map<RosterFile, number>();
  /** Files and link tables applied as a first load (plain insert, nothing to diff; see first-load.ts). */
  readonly firstLoads = new Set<string>();

  constructor(
    readonly queryRunner: QueryRunner,
    readonly system: string,
    readonly strictness: Strictness,
    readonly plans: ReadonlyMap<RosterFile, FilePlan>,
    readonly progress: IngestProgress & { addCounts(c: Partial<EntityCount>): void },
    readonly signal: AbortSignal,
  ) {}

  get lenient(): boolean {
    return this.strictness === 'LENIENT';
  }

  plan(file: RosterFile): FilePlan | undefined {
    return this.plans.get(file);
  }

  /** References to `file`'s records may resolve in the database unless this package replaces them all (bulk). */
  resolvesInDatabase(file: RosterFile): boolean {
    return this.plans.get(file)?.mode !== 'bulk';
  }

  count(entity: string): EntityCount {
    let c = this.counts.get(entity);
    if (!c) this.counts.set(entity, (c = { added: 0, updated: 0, deleted: 0, unchanged: 0, rejected: 0 }));
    return c;
  }

  async query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    this.signal.throwIfAborted();
    const result = (await this.queryRunner.query(text, params)) as unknown;
    // UPDATE/DELETE through TypeORM come back as [rows, count].
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
    return result as T[];
  }

  /**
   * Removes staged rows of `file` matching `condition` (SQL over alias `s`) and reports each as
   * a rejected row: an error, kept with its line, column and rule.
   */
  async reject(file: RosterFile, condition: string, params: unknown[], rule: { code: string; message: string; column: string }): Promise<number> {
    const plan = this.plans.get(file);
    if (!plan) return 0;
    const rows = await this.query<{ line: number; sourced_id: string | null }>(
      `delete from ${plan.staging.table} s where ${condition} returning s.line, s.sourced_id`,
      params,
    );
    for (const row of rows.sort((a, b) => a.line - b.line)) {
      this.progress.issue(error(rule.code, rule.message, { file: plan.entry, line: row.line, column: rule.column, recordKey: row.sourced_id }));
    }
    await this.rememberRejected(file, rows.flatMap((r) => (r.sourced_id ? [r.sourced_id] : [])));
    this.count(file).rejected += rows.length;
    this.progress.addCounts({ rejected: rows.length });
    return rows.length;
  }

  /**
   * Keys of rejected rows: a bulk import must not read a record whose row was rejected as
   * missing from the file (and delete it).
   */
  async rememberRejected(file: RosterFile, sourcedIds: readonly string[]): Promise<void> {
    if (sourcedIds.length === 0) return;
    await this.query(`insert into rejected_keys (file, sourced_id) select $1, unnest($2::text[])`, [file, sourcedIds]);
  }

  /** Reports staged rows matching `condition` with a warning; they stay staged. */
  async warn(file: RosterFile, condition: string, params: unknown[], rule: { code: string; message: string; column: string }): Promise<number> {
    const plan = this.plans.get(file);
    if (!plan) return 0;
    const rows = await this.query<{ line: number; sourced_id: string | null }>(
      `select s.line, s.sourced_id from ${plan.staging.table} s where ${condition} order by s.line`,
      params,
    );
    for (const row of rows) {
      this.progress.issue(warning(rule.code, rule.message, { file: plan.entry, line: row.line, column: rule.column, recordKey: row.sourced_id }));
    }
    return rows.length;
  }
}
