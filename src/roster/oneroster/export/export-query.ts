import type { RosterFile } from '../versions';

/**
 * How one OneRoster file is read from the database. The exporter selects `columns` in the
 * order `columnsFor(version, file)` prescribes, so a column the contract has and a query lacks
 * is a programming error caught on the first run, not a silently shifted file.
 */
export interface ExportQuery {
  readonly file: RosterFile;
  /** The record table, aliased `t` in `from`; keyset pages walk `t.id`. */
  readonly table: string;
  /** FROM with its joins; `$1` is the system. */
  readonly from: string;
  /**
   * More conditions on `t`, besides the system's live records (`t.system = $1 and
   * t.deleted_at is null`, always applied); the joins on `export_*` do most of the filtering.
   */
  readonly where?: string;
  /** Spec column name -> SQL expression yielding text (or null for a blank cell). */
  readonly columns: Readonly<Record<string, string>>;
}
