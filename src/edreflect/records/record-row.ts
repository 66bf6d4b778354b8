/** An `edreflect_row` as the graph reads it (alias `r`). */
export interface RecordRow {
  readonly id: string;
  readonly system: string;
  readonly table_name: string;
  readonly row_id: string;
  readonly root_id: string | null;
  readonly parent_id: string | null;
  readonly values: Record<string, string>;
}

export const ROW_COLUMNS = 'r.id, r.system, r.table_name, r.row_id, r.root_id, r.parent_id, r."values"';

/** A value as sent, null when the column is absent or empty. */
export function textOf(values: Record<string, string>, column: string): string | null {
  const v = values[column];
  return v === undefined || v.trim() === '' ? null : v;
}

/** An ISO date or timestamp column as a Date; null when absent or not a date. */
export function dateOf(values: Record<string, string>, column: string): Date | null {
  const v = textOf(values, column);
  if (!v || !/^\d{4}-\d{2}-\d{2}/.test(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A `YYYY-MM-DD` column (a local date, kept as text); null otherwise. */
export function localDateOf(values: Record<string, string>, column: string): string | null {
  const v = textOf(values, column)?.trim() ?? null;
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

export function numberOf(values: Record<string, string>, column: string): number | null {
  const v = textOf(values, column);
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export function booleanOf(values: Record<string, string>, column: string): boolean | null {
  const v = textOf(values, column)?.trim().toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  return null;
}
