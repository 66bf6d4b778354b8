/**
 * What a format expects of one CSV file's header. Formats declare it once per file type
 * (OneRoster `users.csv`, an LMS feed); the pipeline checks it before reading any row.
 */
export interface CsvContract {
  /** The columns the format defines, in their specified order. */
  readonly columns: readonly string[];
  /**
   * `strict`: the header is exactly `columns`, same order and case, then only extension
   * columns. `lenient`: columns are found by name, ignoring case and surrounding spaces, in any
   * order; absent ones read as empty unless required; unknown ones are ignored with a warning.
   */
  readonly mode: 'strict' | 'lenient';
  /** Lenient mode: columns that must be present (strict mode requires all). */
  readonly requiredColumns?: readonly string[];
  /** Header names with this prefix are extension columns, kept by name (`metadata.`). */
  readonly extensionPrefix?: string;
  /** May quoted fields contain line breaks? Default true (RFC 4180). */
  readonly multiline?: boolean;
  /** Rows longer than the header only by empty fields: rejected (default) or read with a warning. */
  readonly trailingEmptyFields?: 'reject' | 'trim';
  /** The column that names a record (a sourcedId), used as the key of its rejects. */
  readonly keyColumn?: string;
}
