import pg from 'pg';

/** `timestamptz`'s type oid. */
const TIMESTAMPTZ = 1184;

const ZERO = 48;

/** The digits of `text` from `start` to `end` as a number, or -1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * A `timestamptz` as Postgres writes it in text (`2026-03-01 09:30:00.123456+00`, any offset
 * in `+HH`, `+HH:MM` or `+HH:MM:SS`), read by position; anything else (BC, five-digit or
 * two-digit years, infinity) returns undefined for the general parser. Pages of history
 * carry several timestamps per row, and the general parser's regular expressions and match
 * arrays were a visible share of a page's CPU and garbage. Milliseconds are the first three
 * fraction digits, as the general parser reads them.
 */
export function parseTimestamptzFast(text: string): Date | undefined {
  const n = text.length;
  if (n < 22 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
    return undefined;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  // Years below 100 would be read as 19xx by Date.UTC.
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  let i = 19;
  let ms = 0;
  if (text.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < n && text.charCodeAt(i) >= ZERO && text.charCodeAt(i) <= ZERO + 9) i++;
    const count = i - start;
    if (count === 0 || count > 6) return undefined;
    ms = digits(text, start, Math.min(i, start + 3)) * (count >= 3 ? 1 : count === 2 ? 10 : 100);
  }
  const sign = text.charCodeAt(i);
  if (sign !== 43 && sign !== 45) return undefined;
  const offset = offsetSeconds(text, i + 1);
  if (offset === undefined) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  return new Date(utc - (sign === 45 ? -offset : offset) * 1000);
}

/** `HH`, `HH:MM` or `HH:MM:SS` from `start` to the end, in seconds. */
function offsetSeconds(text: string, start: number): number | undefined {
  const rest = text.length - start;
  if (rest !== 2 && rest !== 5 && rest !== 8) return undefined;
  const hours = digits(text, start, start + 2);
  const minutes = rest >= 5 && text.charCodeAt(start + 2) === 58 ? digits(text, start + 3, start + 5) : rest >= 5 ? -1 : 0;
  const seconds = rest === 8 && text.charCodeAt(start + 5) === 58 ? digits(text, start + 6, start + 8) : rest === 8 ? -1 : 0;
  if (hours < 0 || minutes < 0 || seconds < 0) return undefined;
  return hours * 3600 + minutes * 60 + seconds;
}

const generalTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => unknown;

/**
 * The type parsers of every connection this process opens (the ORM's pool and the graph's read
 * pool): pg's own, except that `timestamptz` takes the fast path above when it can.
 */
const timestamptz = (text: string): unknown => parseTimestamptzFast(text) ?? generalTimestamptz(text);

export const connectionTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ && format !== 'binary' ? timestamptz : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};
