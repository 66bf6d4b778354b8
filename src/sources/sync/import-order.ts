import { fileDate } from '../business-window';
import type { FilePatterns } from '../file-pattern';

export interface Orderable {
  readonly id: string;
  readonly name: string;
  readonly businessDate: string | null;
  readonly modifiedAt: Date;
}

/**
 * Business-date order: a missed day is caught up before the days after it. Within one day,
 * files go in the order of the patterns that matched them (so an integrator can put SCORM
 * before Completion), then by name; the id breaks any tie.
 */
export function inImportOrder<T extends Orderable>(files: readonly T[], patterns: FilePatterns, timeZone: string): T[] {
  const keyed = files.map((f) => ({
    f,
    date: fileDate(f.businessDate, f.modifiedAt, timeZone),
    pattern: patterns.match(f.name)?.patternIndex ?? Number.MAX_SAFE_INTEGER,
  }));
  keyed.sort(
    (a, b) =>
      compare(a.date, b.date) || a.pattern - b.pattern || compare(a.f.name, b.f.name) || compare(a.f.id.padStart(20, '0'), b.f.id.padStart(20, '0')),
  );
  return keyed.map((k) => k.f);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
