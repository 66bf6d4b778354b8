import type { CellType, ColumnSpec } from './columns';

/** Strict is the 1EdTech rulebook; lenient accepts what real exports send, with a warning each time. */
export type Strictness = 'STRICT' | 'LENIENT';

export interface UserId {
  readonly type: string;
  readonly id: string;
}

export type CellValue = string | string[] | number | boolean | UserId[] | null;

export type CellResult =
  | { readonly ok: true; readonly value: CellValue; readonly warnings: readonly CellProblem[] }
  | { readonly ok: false; readonly problem: CellProblem };

/** A problem with one cell: a stable code and a message that never repeats the cell's value. */
export interface CellProblem {
  readonly code: string;
  readonly message: string;
}

/** 1–255 characters of the set both Longsight's validator and Moodle's importer use. */
const GUID = /^[0-9A-Za-z.\-_/@]{1,255}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DATETIME_STRICT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DATETIME_LOOSE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const YEAR = /^\d{4}$/;
const USER_ID = /^\{([^{}:]+):([^{}]+)\}$/;

/** The warnings of a cell read as sent (shared: nothing appends to a result's list). */
const NO_PROBLEMS: readonly CellProblem[] = Object.freeze([]);

const fail = (code: string, message: string): CellResult => ({ ok: false, problem: { code, message } });

/**
 * Reads one cell per its column contract. Blank cells are null (or an empty list); a blank
 * required cell is an error. Never echoes the value in a message: rows may hold personal data.
 */
export function readCell(raw: string, column: ColumnSpec, strictness: Strictness): CellResult {
  // Runs for every cell of every row: no allocations beyond the result on the common path.
  let trimmed: CellProblem | null = null;
  let text = raw;
  if (text !== text.trim()) {
    if (strictness === 'STRICT' && text.trim() !== '') {
      return fail('oneroster.value.whitespace', `${column.name} has leading or trailing spaces`);
    }
    text = text.trim();
    if (text !== '') trimmed = { code: 'oneroster.coerced.trimmed', message: `${column.name}: surrounding spaces removed` };
  }
  if (text === '') {
    if (column.required) return fail('oneroster.value.required', `${column.name} is required`);
    return { ok: true, value: isList(column.type) ? [] : null, warnings: NO_PROBLEMS };
  }
  const result = readTyped(text, column, strictness);
  if (!result.ok || !trimmed) return result;
  return { ok: true, value: result.value, warnings: [trimmed, ...result.warnings] };
}

function isList(type: CellType): boolean {
  return type === 'guidList' || type === 'textList' || type === 'userIds';
}

function readTyped(text: string, column: ColumnSpec, strictness: Strictness): CellResult {
  const lenient = strictness === 'LENIENT';
  const name = column.name;
  switch (column.type) {
    case 'text':
      return { ok: true, value: text, warnings: NO_PROBLEMS };
    case 'guid':
      return readGuid(text, name, lenient);
    case 'guidList':
    case 'textList': {
      const items = text.split(',');
      const warnings: CellProblem[] = [];
      const values: string[] = [];
      for (const item of items) {
        let value = item;
        if (value !== value.trim()) {
          if (!lenient) return fail('oneroster.value.list', `${name} has spaces around a list item`);
          value = value.trim();
          warnings.push({ code: 'oneroster.coerced.trimmed', message: `${name}: spaces around list items removed` });
        }
        if (value === '') return fail('oneroster.value.list', `${name} has an empty list item`);
        if (column.type === 'guidList') {
          const guid = readGuid(value, name, lenient);
          if (!guid.ok) return guid;
          warnings.push(...guid.warnings);
        }
        values.push(value);
      }
      return { ok: true, value: values, warnings: warnings.length === 0 ? NO_PROBLEMS : dedupe(warnings) };
    }
    case 'date':
      return readDate(text, name, lenient);
    case 'datetime':
      return readDateTime(text, name, lenient);
    case 'year':
      return YEAR.test(text) ? { ok: true, value: Number(text), warnings: NO_PROBLEMS } : fail('oneroster.value.year', `${name} must be a four-digit year`);
    case 'boolean':
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true', warnings: NO_PROBLEMS };
      if (lenient && /^(true|false)$/i.test(text)) {
        return {
          ok: true,
          value: text.toLowerCase() === 'true',
          warnings: [{ code: 'oneroster.coerced.boolean_case', message: `${name}: boolean read case-insensitively` }],
        };
      }
      return fail('oneroster.value.boolean', `${name} must be true or false`);
    case 'enum':
      return readEnum(text, column, lenient);
    case 'status':
      if (text === 'active' || text === 'tobedeleted') return { ok: true, value: text, warnings: NO_PROBLEMS };
      if (lenient && /^(active|tobedeleted)$/i.test(text)) {
        return { ok: true, value: text.toLowerCase(), warnings: [{ code: 'oneroster.coerced.enum_case', message: `${name}: status read case-insensitively` }] };
      }
      if (lenient && /^inactive$/i.test(text)) {
        return { ok: true, value: 'tobedeleted', warnings: [{ code: 'oneroster.coerced.status_inactive', message: `${name}: 1.0 status inactive read as tobedeleted` }] };
      }
      return fail('oneroster.value.status', `${name} must be active or tobedeleted`);
    case 'userIds':
      return readUserIds(text, name);
  }
}

function readGuid(text: string, name: string, lenient: boolean): CellResult {
  if (GUID.test(text)) return { ok: true, value: text, warnings: NO_PROBLEMS };
  if (lenient && text.length <= 255 && !/[\s,]/.test(text)) {
    return { ok: true, value: text, warnings: [{ code: 'oneroster.coerced.guid_charset', message: `${name}: characters outside [0-9A-Za-z.-_/@] accepted` }] };
  }
  return fail('oneroster.value.guid', `${name} must be 1-255 characters of [0-9A-Za-z.-_/@]`);
}

/**
 * Whether y-m-d is a day of the proleptic Gregorian calendar, as `Date.UTC` reads it (which
 * maps years 0-99 to 1900-1999, so those are never the date written). Arithmetic rather than
 * a Date: it runs for every date cell of every row.
 */
function validDate(y: number, m: number, d: number): boolean {
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  if (m !== 2) return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (leap ? 29 : 28);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The value of `count` ASCII digits at `from`, or -1 if any is not a digit. */
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** For text of the form YYYY-MM-DD (the DATE pattern, read without a regex match): whether it is a calendar date; else null. */
function isoDateValid(text: string): boolean | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return null;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  return y < 0 || m < 0 || d < 0 ? null : validDate(y, m, d);
}

function readDate(text: string, name: string, lenient: boolean): CellResult {
  const iso = isoDateValid(text);
  if (iso !== null) return iso ? { ok: true, value: text, warnings: NO_PROBLEMS } : fail('oneroster.value.date', `${name} is not a calendar date`);
  const us = lenient ? US_DATE.exec(text) : null;
  if (us) {
    const [y, m, d] = [Number(us[3]), Number(us[1]), Number(us[2])];
    if (!validDate(y, m, d)) return fail('oneroster.value.date', `${name} is not a calendar date`);
    return {
      ok: true,
      value: `${y}-${pad(m)}-${pad(d)}`,
      warnings: [{ code: 'oneroster.coerced.date_us', message: `${name}: M/D/YYYY date read as month/day/year` }],
    };
  }
  return fail('oneroster.value.date', `${name} must be a date YYYY-MM-DD`);
}

function readDateTime(text: string, name: string, lenient: boolean): CellResult {
  if (DATETIME_STRICT.test(text) && !Number.isNaN(Date.parse(text))) return { ok: true, value: text, warnings: NO_PROBLEMS };
  if (lenient) {
    const dateOnly = DATE.exec(text);
    if (dateOnly) {
      if (!validDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]))) return fail('oneroster.value.datetime', `${name} is not a calendar date`);
      return {
        ok: true,
        value: `${text}T00:00:00.000Z`,
        warnings: [{ code: 'oneroster.coerced.datetime_date_only', message: `${name}: date without time read as midnight UTC` }],
      };
    }
    if (DATETIME_LOOSE.test(text)) {
      const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text.replace(' ', 'T') : `${text.replace(' ', 'T')}Z`;
      const ms = Date.parse(withZone);
      if (!Number.isNaN(ms)) {
        return {
          ok: true,
          value: new Date(ms).toISOString(),
          warnings: [{ code: 'oneroster.coerced.datetime_format', message: `${name}: DateTime normalised to YYYY-MM-DDTHH:MM:SS.sssZ` }],
        };
      }
    }
  }
  return fail('oneroster.value.datetime', `${name} must be a UTC DateTime YYYY-MM-DDTHH:MM:SS.sssZ`);
}

function readEnum(text: string, column: ColumnSpec, lenient: boolean): CellResult {
  const values = column.values ?? [];
  if (values.includes(text)) return { ok: true, value: text, warnings: NO_PROBLEMS };
  if (column.extensible && /^ext:[A-Za-z0-9_.\-]+$/.test(text)) return { ok: true, value: text, warnings: NO_PROBLEMS };
  if (lenient) {
    const folded = values.find((v) => v.toLowerCase() === text.toLowerCase());
    if (folded) {
      return { ok: true, value: folded, warnings: [{ code: 'oneroster.coerced.enum_case', message: `${column.name}: value read case-insensitively` }] };
    }
  }
  return fail('oneroster.value.enum', `${column.name} must be one of ${values.join(', ')}${column.extensible ? ' or ext:<name>' : ''}`);
}

function readUserIds(text: string, name: string): CellResult {
  const ids: UserId[] = [];
  // Items are `{type:id}` separated by commas; split on the commas between braces only
  // (each `},`, the brace kept with its item).
  const items = text.split('},');
  for (let i = 0; i < items.length; i++) {
    const item = i < items.length - 1 ? `${items[i]}}` : (items[i] as string);
    const match = USER_ID.exec(item.trim());
    if (!match?.[1] || !match[2]) return fail('oneroster.value.user_ids', `${name} must be a list of {type:id}`);
    ids.push({ type: match[1], id: match[2] });
  }
  return { ok: true, value: ids, warnings: NO_PROBLEMS };
}

function dedupe(problems: CellProblem[]): CellProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.code) ? false : (seen.add(p.code), true)));
}
