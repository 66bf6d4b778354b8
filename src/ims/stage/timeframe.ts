import { attribute, child, type ElementNode } from '../xml/element-node';

export interface RoleDates {
  readonly begin: string | null;
  readonly end: string | null;
  /** `restrict="1"` dates that are not real YYYY-MM-DD dates (left open, with a warning). */
  readonly invalid: readonly ('begin' | 'end')[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A role's `<timeframe>` as enrollment begin and end dates. Only `restrict="1"` dates count:
 * without it the spec says participation is allowed outside the period, and Moodle ignores
 * them likewise. Dates are kept as calendar dates (Moodle turns them into server-midnight
 * timestamps; the roster model stores dates).
 */
export function roleDates(role: ElementNode): RoleDates {
  const timeframe = child(role, 'timeframe');
  const invalid: ('begin' | 'end')[] = [];
  const read = (which: 'begin' | 'end'): string | null => {
    const node = child(timeframe, which);
    if (!node || attribute(node, 'restrict') !== '1') return null;
    const value = node.text.trim();
    if (isCalendarDate(value)) return value;
    invalid.push(which);
    return null;
  };
  return { begin: read('begin'), end: read('end'), invalid };
}

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
