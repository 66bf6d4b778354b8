import { IssueSeverity } from '../jobs/sync-job-status';

export { IssueSeverity };

/**
 * One problem found in an input file, pinned to where a person can find it. It is shaped like
 * a job issue (`ProgressReporter.issue()` takes it as is) so row problems flow to the job's
 * rejects without translation.
 *
 * `message` must never carry row payload values (names, emails, ids): issues are shown to
 * integrators and logged, and a rejected row's content is not theirs to see through logs.
 * Say which rule failed and where; `recordKey` is the one place a row's key may appear.
 */
export interface Diagnostic {
  readonly severity: IssueSeverity;
  /** Stable dotted code (`csv.quote.unclosed`, `package.entry.nested`); clients match on it. */
  readonly code: string;
  readonly message: string;
  /** The file (package entry) name, e.g. `users.csv`. */
  readonly file: string | null;
  /** Physical 1-based line in that file; the header is line 1. */
  readonly line: number | null;
  /** The header name of the column at fault, when one is. */
  readonly column: string | null;
  /** The record's key (a sourcedId) when known, to find the row without repeating its payload. */
  readonly recordKey?: string | null;
}

export interface Where {
  readonly file?: string | null;
  readonly line?: number | null;
  readonly column?: string | null;
  readonly recordKey?: string | null;
}

export function error(code: string, message: string, where: Where = {}): Diagnostic {
  return make(IssueSeverity.ERROR, code, message, where);
}

export function warning(code: string, message: string, where: Where = {}): Diagnostic {
  return make(IssueSeverity.WARNING, code, message, where);
}

function make(severity: IssueSeverity, code: string, message: string, where: Where): Diagnostic {
  return {
    severity,
    code,
    message,
    file: where.file ?? null,
    line: where.line ?? null,
    column: where.column ?? null,
    ...(where.recordKey ? { recordKey: where.recordKey } : {}),
  };
}

/** `users.csv line 3, column "email"`: the prefix every message about a place starts with. */
export function describePlace(where: Where): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.line != null) parts.push(`line ${where.line}`);
  if (where.column) parts.push(`column "${where.column}"`);
  return parts.join(', ');
}
