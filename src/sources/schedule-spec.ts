import { parseExpression } from 'cron-parser';
import { DomainError } from '../shared/domain-error';

/**
 * Cron schedules are checked with cron-parser 4.9.0, the very parser (and version) pg-boss
 * 10.4.2 evaluates them with, so a schedule that saves is one pg-boss runs. pg-boss looks for
 * due schedules once a minute, so the seconds field is refused rather than silently ignored.
 */
const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

export function validateSchedule(cron: string, timeZone: string): { cron: string; timeZone: string } {
  const expression = cron.trim().replace(/\s+/g, ' ');
  const zone = validateTimeZone(timeZone);
  if (!MACROS.has(expression) && expression.split(' ').length !== 5) {
    throw new DomainError('BAD_USER_INPUT', `Schedule "${cron}" must have five fields (minute hour day month weekday), e.g. "30 5 * * *" for 05:30 daily`, {
      field: 'schedule.cron',
    });
  }
  try {
    parseExpression(expression, { tz: zone }).next();
  } catch (error) {
    throw new DomainError('BAD_USER_INPUT', `Schedule "${cron}" is not a valid cron expression: ${(error as Error).message}`, {
      field: 'schedule.cron',
    });
  }
  return { cron: expression, timeZone: zone };
}

/** An IANA zone name (`Europe/London`, `UTC`), in its canonical spelling. */
export function validateTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: timeZone.trim() }).resolvedOptions().timeZone;
  } catch {
    throw new DomainError('BAD_USER_INPUT', `"${timeZone}" is not an IANA time zone (e.g. Europe/London, UTC)`, { field: 'schedule.timeZone' });
  }
}

export function nextRun(cron: string, timeZone: string, after: Date = new Date()): Date | null {
  try {
    return parseExpression(cron, { tz: timeZone, currentDate: after }).next().toDate();
  } catch {
    return null;
  }
}
