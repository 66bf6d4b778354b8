import type { CellValue, UserId } from './cells';

/**
 * Staging tables are all text; typed values are written in the form their SQL cast reads:
 * lists as Postgres array literals (`::text[]`), `{type:id}` lists as JSON (`::jsonb`).
 */
export function toStagingText(value: CellValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value.length === 0) return '{}';
  if (typeof value[0] === 'string') return pgArray(value as string[]);
  return JSON.stringify(value as UserId[]);
}

const NEEDS_ESCAPE = /[\\"]/;

/** `{"a","b \"c\""}`: every element quoted, so commas, braces and spaces survive the cast. */
export function pgArray(items: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as string;
    if (i > 0) out += ',';
    out += NEEDS_ESCAPE.test(item) ? `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"` : `"${item}"`;
  }
  return out + '}';
}

/** `sourcedId` -> `sourced_id`: staging column names follow the tables' snake_case. */
export function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
