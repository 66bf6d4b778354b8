/**
 * Cells a spreadsheet would run as a formula begin with `=`, `+`, `-` or `@` (and, in some
 * programs, a tab or carriage return before one of them). Such a text cell gets a leading `'`,
 * which spreadsheets show as text and do not display (OWASP "CSV injection"). Plain numbers
 * (`-12.5`) are left alone: they are values, not formulas.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Every cell of a row made safe; null and undefined become empty cells. */
export function spreadsheetSafeRow(row: readonly (string | number | null | undefined)[]): string[] {
  return row.map((cell) => (cell === null || cell === undefined ? '' : typeof cell === 'number' ? String(cell) : spreadsheetSafe(cell)));
}
