/**
 * The lookback window in business days, read in the source's time zone: a file whose business
 * date (or, without one, its mtime's date) is before `cutoff` is left alone. The LMS keeps
 * files 28 days, so the default window catches up on every day it still has.
 */
export function windowCutoff(now: Date, timeZone: string, lookbackDays: number): string {
  const today = localDate(now, timeZone);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - lookbackDays)).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The date a file counts as: its business date, else the day it was last modified. */
export function fileDate(businessDate: string | null, modifiedAt: Date, timeZone: string): string {
  return businessDate ?? localDate(modifiedAt, timeZone);
}
