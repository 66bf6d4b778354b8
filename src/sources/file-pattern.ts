import { DomainError } from '../shared/domain-error';

/**
 * File name patterns as integrators write them: `SCORMYYYYMMDD`, `Pathway*YYYYMMDD`,
 * `roster_*.zip`. A date token (YYYYMMDD, YYYY-MM-DD, YYYY_MM_DD or DDMMYYYY) captures the
 * business date; `*` matches any run of characters and `?` one; everything else is literal
 * and matched ignoring case (vendors drift between `SCORM` and `Scorm`). A pattern without an
 * extension also matches the name with `.csv` (the LMS documents none; some files carry it).
 */
const DATE_TOKENS = [
  { token: 'YYYY-MM-DD', regex: '(\\d{4})-(\\d{2})-(\\d{2})', order: 'ymd' },
  { token: 'YYYY_MM_DD', regex: '(\\d{4})_(\\d{2})_(\\d{2})', order: 'ymd' },
  { token: 'YYYYMMDD', regex: '(\\d{4})(\\d{2})(\\d{2})', order: 'ymd' },
  { token: 'DDMMYYYY', regex: '(\\d{2})(\\d{2})(\\d{4})', order: 'dmy' },
] as const;

export const MAX_PATTERNS = 20;
const MAX_PATTERN_LENGTH = 200;

export interface PatternMatch {
  /** Index of the pattern that matched (patterns are tried in order). */
  readonly patternIndex: number;
  readonly pattern: string;
  /** `YYYY-MM-DD`, or null when the pattern has no date token. */
  readonly businessDate: string | null;
}

interface CompiledPattern {
  readonly source: string;
  readonly regex: RegExp;
  readonly dateOrder: 'ymd' | 'dmy' | null;
}

export class FilePatterns {
  private constructor(private readonly compiled: readonly CompiledPattern[]) {}

  /** Throws BAD_USER_INPUT naming the first pattern that cannot be used. */
  static compile(patterns: readonly string[]): FilePatterns {
    if (patterns.length === 0) throw invalid('Give at least one file pattern');
    if (patterns.length > MAX_PATTERNS) throw invalid(`At most ${MAX_PATTERNS} file patterns`);
    return new FilePatterns(patterns.map(compileOne));
  }

  get patterns(): string[] {
    return this.compiled.map((c) => c.source);
  }

  /** The first pattern the name matches with a real date, or null. */
  match(name: string): PatternMatch | null {
    for (let i = 0; i < this.compiled.length; i++) {
      const c = this.compiled[i]!;
      const m = c.regex.exec(name);
      if (!m) continue;
      if (c.dateOrder === null) return { patternIndex: i, pattern: c.source, businessDate: null };
      const [a, b, d] = [m[1]!, m[2]!, m[3]!];
      const date = c.dateOrder === 'ymd' ? realDate(a, b, d) : realDate(d, b, a);
      if (date) return { patternIndex: i, pattern: c.source, businessDate: date };
    }
    return null;
  }
}

function compileOne(pattern: string): CompiledPattern {
  const source = pattern.trim();
  if (source === '' || source.length > MAX_PATTERN_LENGTH) throw invalid(`File pattern "${pattern.slice(0, 40)}" must be 1-${MAX_PATTERN_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001f]/.test(source)) throw invalid(`File pattern "${source}" is a name, not a path: no slashes or control characters`);
  let dateOrder: 'ymd' | 'dmy' | null = null;
  let regex = '';
  let i = 0;
  while (i < source.length) {
    const token = DATE_TOKENS.find((t) => source.startsWith(t.token, i));
    if (token) {
      if (dateOrder !== null) throw invalid(`File pattern "${source}" has more than one date`);
      dateOrder = token.order;
      regex += token.regex;
      i += token.token.length;
      continue;
    }
    const ch = source[i]!;
    regex += ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    i += 1;
  }
  const hasExtension = /\.[A-Za-z0-9]+$/.test(source);
  const full = `^${regex}${hasExtension ? '' : '(?:\\.csv)?'}$`;
  return { source, regex: new RegExp(full, 'i'), dateOrder };
}

function realDate(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${month}-${day}`;
}

function invalid(message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', message, { field: 'filePatterns' });
}
