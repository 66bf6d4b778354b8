import type { Diagnostic } from '../diagnostic';

/** One data row: its physical start line (header = line 1) and its fields as written. */
export interface CsvRecord {
  readonly kind: 'record';
  readonly line: number;
  readonly values: string[];
  /** Something the parser tolerated in this row (trailing empty fields, say). */
  readonly warning?: Diagnostic;
}

/**
 * A row the parser could not accept but could step over safely (wrong field count, a stray
 * quote confined to its line). `values` are kept when the parser produced them, so a caller
 * can name the record's key in the reject.
 */
export interface CsvProblem {
  readonly kind: 'problem';
  readonly line: number;
  readonly values: string[] | null;
  readonly diagnostic: Diagnostic;
}

export type CsvItem = CsvRecord | CsvProblem;
