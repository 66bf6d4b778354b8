import { DomainError } from '../../shared/domain-error';

/**
 * Date formats as integrators write them (`DD/MM/YYYY HH:mm`), compiled once to a regular
 * expression. Hand-written because it runs on every row of every file: a general date library
 * parses a format per call and costs tens of microseconds a value, which would be most of an
 * import's time. Parsing only checks the calendar and reorders the parts; the time zone is
 * applied in SQL (`at time zone`), where it costs nothing per row.
 *
 * Tokens: YYYY, MM, M, DD, D, HH, H (24 h), hh, h with A (12 h), mm, ss, SSS (fraction),
 * Z (`Z` or an offset `+01:00`); everything else is literal. A pattern that says nothing about
 * time reads as midnight.
 */
export interface DateFormat {
  readonly pattern: string;
  /** `YYYY-MM-DD HH:MM:SS[.fff][+HH:MM]`, local to the source unless an offset was given; null when it does not match. */
  parse(text: string): string | null;
}

const TOKENS: readonly { token: string; regex: string; part: Part }[] = [
  { token: 'YYYY', regex: '(\\d{4})', part: 'year' },
  { token: 'MM', regex: '(\\d{2})', part: 'month' },
  { token: 'M', regex: '(\\d{1,2})', part: 'month' },
  { token: 'DD', regex: '(\\d{2})', part: 'day' },
  { token: 'D', regex: '(\\d{1,2})', part: 'day' },
  { token: 'HH', regex: '(\\d{2})', part: 'hour' },
  { token: 'H', regex: '(\\d{1,2})', part: 'hour' },
  { token: 'hh', regex: '(\\d{2})', part: 'hour12' },
  { token: 'h', regex: '(\\d{1,2})', part: 'hour12' },
  { token: 'mm', regex: '(\\d{2})', part: 'minute' },
  { token: 'ss', regex: '(\\d{2})', part: 'second' },
  { token: 'SSS', regex: '(\\d{1,6})', part: 'fraction' },
  { token: 'A', regex: '([AaPp][Mm])', part: 'meridiem' },
  { token: 'Z', regex: '(Z|[+-]\\d{2}:?\\d{2})', part: 'zone' },
];

type Part = 'year' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'fraction' | 'meridiem' | 'zone';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Compiles `pattern`; a pattern without a full date, or with a part twice, is BAD_USER_INPUT. */
export function compileDateFormat(pattern: string): DateFormat {
  const source = pattern.trim();
  if (source === '' || source.length > 60) throw invalid(pattern, 'must be 1-60 characters');
  const parts: Part[] = [];
  let regex = '';
  for (let i = 0; i < source.length; ) {
    const token = TOKENS.find((t) => source.startsWith(t.token, i));
    if (token) {
      if (parts.includes(token.part)) throw invalid(source, `has ${token.token} twice`);
      parts.push(token.part);
      regex += token.regex;
      i += token.token.length;
    } else {
      const ch = source[i] as string;
      if (/[A-Za-z]/.test(ch) && ch !== 'T') throw invalid(source, `"${ch}" is not a known token (YYYY MM M DD D HH H hh h mm ss SSS A Z) and letters other than T are not literals`);
      regex += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i += 1;
    }
  }
  for (const needed of ['year', 'month', 'day'] as const) if (!parts.includes(needed)) throw invalid(source, 'needs YYYY, MM (or M) and DD (or D)');
  if (parts.includes('hour12') !== parts.includes('meridiem')) throw invalid(source, 'hh/h needs A (AM/PM), and A needs hh/h');
  if (parts.includes('hour') && parts.includes('hour12')) throw invalid(source, 'has both a 24-hour and a 12-hour hour');
  const compiled = new RegExp(`^${regex}$`);
  const at = (p: Part): number => parts.indexOf(p) + 1;
  const [y, mo, d, h, h12, mi, s, f, ap, z] = (['year', 'month', 'day', 'hour', 'hour12', 'minute', 'second', 'fraction', 'meridiem', 'zone'] as const).map(at);
  return {
    pattern: source,
    parse(text: string): string | null {
      const m = compiled.exec(text.trim());
      if (!m) return null;
      const year = Number(m[y as number]);
      const month = Number(m[mo as number]);
      const day = Number(m[d as number]);
      if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] as number)) return null;
      if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null;
      let hour = h ? Number(m[h]) : 0;
      if (h12) {
        hour = Number(m[h12]);
        if (hour < 1 || hour > 12) return null;
        const pm = (m[ap as number] as string).toLowerCase() === 'pm';
        hour = (hour % 12) + (pm ? 12 : 0);
      }
      const minute = mi ? Number(m[mi]) : 0;
      const second = s ? Number(m[s]) : 0;
      if (hour > 23 || minute > 59 || second > 59) return null;
      let out = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}:${two(second)}`;
      if (f) out += `.${m[f]}`;
      if (z) {
        const zone = m[z] as string;
        out += zone === 'Z' ? '+00:00' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
      }
      return out;
    },
  };
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

function invalid(pattern: string, why: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `date format "${pattern.slice(0, 60)}" ${why}`, { field: 'dateFormats' });
}

/**
 * Formats tried when a source names none: ISO first, then the day-first forms a UK LMS
 * writes. Month-first (US) forms are never guessed: 03/04 would be read wrongly half the time.
 */
export const DEFAULT_DATE_FORMATS: readonly string[] = [
  'YYYY-MM-DDTHH:mm:ssZ',
  'YYYY-MM-DDTHH:mm:ss.SSSZ',
  'YYYY-MM-DDTHH:mm:ss',
  'YYYY-MM-DD HH:mm:ss',
  'YYYY-MM-DD HH:mm',
  'YYYY-MM-DD',
  'DD/MM/YYYY HH:mm:ss',
  'DD/MM/YYYY HH:mm',
  'DD/MM/YYYY',
];

/** Tries each format in order; the first that reads the text wins. */
export class DateReader {
  private readonly formats: readonly DateFormat[];

  constructor(patterns: readonly string[]) {
    this.formats = patterns.map(compileDateFormat);
  }

  get patterns(): string[] {
    return this.formats.map((f) => f.pattern);
  }

  read(text: string): string | null {
    for (const format of this.formats) {
      const value = format.parse(text);
      if (value !== null) return value;
    }
    return null;
  }
}
