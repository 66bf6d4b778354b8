import type { CsvRow } from '../csv/csv-row';
import type { Diagnostic } from '../diagnostic';

/**
 * What a validator decides about one row: the values to stage (one per staging column, text
 * or null; casts happen in SQL on apply), possibly with warnings, or a rejection with at least
 * one ERROR saying why. A rejected row is kept as the job's issue, never silently dropped.
 */
export type RowOutcome =
  | { readonly values: readonly (string | null)[]; readonly warnings?: readonly Diagnostic[] }
  | { readonly rejected: readonly Diagnostic[] };

/**
 * Checks one row on its own (format, required fields, enumerations) and maps it to staging
 * values. Synchronous on purpose: it runs once per row in the streaming loop; anything that
 * needs the database (references, duplicates) belongs in the set-based apply.
 */
export type RowValidator = (row: CsvRow) => RowOutcome;
