/**
 * Postgres COPY text format: fields separated by tabs, rows by newlines, NULL as `\N`, and a
 * backslash escapes itself and the separators. Values are sent as text and cast in SQL later,
 * so this is the only encoding rule between a parsed field and the staging table.
 * (postgresql.org/docs/current/sql-copy.html, "Text Format")
 */
const NEEDS_ESCAPE = /[\\\t\n\r\0]/;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A NUL cannot be stored in Postgres text at all; the caller rejects the row. */
export class UnencodableValueError extends Error {
  constructor(readonly index: number) {
    super(`value ${index + 1} contains a NUL character, which Postgres text cannot hold`);
  }
}

export function copyTextField(value: string | null, index = 0): string {
  if (value === null) return '\\N';
  if (!NEEDS_ESCAPE.test(value)) return value;
  if (value.includes('\0')) throw new UnencodableValueError(index);
  return value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string);
}

/** One COPY text line, newline included. */
export function copyTextRow(values: readonly (string | number | null)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) line += '\t';
    line += typeof value === 'number' ? String(value) : copyTextField(value ?? null, i);
  }
  return line + '\n';
}
