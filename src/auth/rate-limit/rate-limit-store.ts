import type { DataSource } from 'typeorm';
import type { SharedTotal } from './local-tallies';

/** Row keys as rate-limiter-flexible wrote them (`<prefix>:<subject>`), so rows of earlier versions keep counting. */
const PREFIX = 'lg:';
/** Subjects per statement: a sync after a burst of new client addresses stays a few bounded statements. */
export const SUBJECTS_PER_STATEMENT = 5_000;

const NOW_MS = `(extract(epoch from now()) * 1000)::bigint`;

/**
 * Adds each subject's points to its row and returns the window's totals. A row whose window has
 * ended starts a new one of `$3` ms (fixed windows, the semantics rate-limiter-flexible's upsert
 * has). The window's clock is Postgres's, and the answer says how long each window has left
 * rather than when it ends, so instances with skewed clocks still agree. Rows are written in key
 * order: two instances syncing overlapping subjects at once wait for each other, never deadlock.
 */
const ADD_POINTS = `
  insert into rate_limit as r (key, points, expire)
  select t.key, t.points, ${NOW_MS} + $3::bigint
    from unnest($1::varchar[], $2::int[]) as t(key, points)
   order by t.key
  on conflict (key) do update set
    points = case when coalesce(r.expire, 0) <= excluded.expire - $3::bigint then excluded.points else r.points + excluded.points end,
    expire = case when coalesce(r.expire, 0) <= excluded.expire - $3::bigint then excluded.expire else r.expire end
  returning r.key, r.points, r.expire - ${NOW_MS} as ms_left`;

/** Rows whose window ended an hour ago; nobody reads them again. */
const CLEAR_EXPIRED = `delete from rate_limit where expire < ${NOW_MS} - 3600000`;

/** One statement: adds the points of many subjects at once and answers their shared totals. */
export async function addPoints(db: DataSource, batch: readonly { readonly subject: string; readonly points: number }[], durationMs: number): Promise<SharedTotal[]> {
  const rows = (await db.query(ADD_POINTS, [batch.map((b) => PREFIX + b.subject), batch.map((b) => b.points), durationMs])) as { key: string; points: number; ms_left: string }[];
  return rows.map((row) => ({ subject: row.key.slice(PREFIX.length), points: row.points, msLeft: Math.max(0, Number(row.ms_left)) }));
}

export async function clearExpired(db: DataSource): Promise<void> {
  await db.query(CLEAR_EXPIRED);
}

/** The row key a subject's budget is kept under (tests and operators look rows up by it). */
export function rowKeyOf(subject: string): string {
  return PREFIX + subject;
}
