import { raw, sql, type Sql } from '../../db/sql';
import type { Queryable } from '../../graphql/relay/keyset';
import { requirementStatesOf } from '../requirements/requirement-states.sql';

/** How far back an expired record still earns an "expired" notice (older ones were due long ago). */
export const EXPIRED_NOTICE_DAYS = 30;

/**
 * Queues a notice for every completion that expires within one of the thresholds (days, any
 * order) or has expired in the last EXPIRED_NOTICE_DAYS: one row per record at the tightest
 * threshold it has reached (0 = expired), so a record first seen 5 days before it expires gets
 * the 7-day notice, not the 30-day one as well. Completions expire two ways, both counted:
 *
 * - by their item's validity period (`learning_record.valid_until`), for a user's latest
 *   completion of the item (a renewed one is not out of date);
 * - by a requirement's recurrence (`valid_months`), for the completion that satisfies the
 *   requirement on the user's scorecard (equivalents included), named after the required item.
 *
 * Only users with an email address. One statement; the unique key (record, threshold) makes a
 * rerun, or two at once, queue nothing twice. Returns how many notices were queued.
 */
export async function queueExpiryNotices(db: Queryable, thresholds: readonly number[]): Promise<number> {
  const days = [...thresholds, 0];
  const horizon = Math.max(...days);
  const inWindow = (a: string): Sql =>
    sql`${raw(a)}.valid_until < now() + make_interval(days => ${horizon}::int) and ${raw(a)}.valid_until >= now() - make_interval(days => ${EXPIRED_NOTICE_DAYS}::int)`;
  const reachable = sql`select u.id from roster_user u where u.deleted_at is null and coalesce(u.email, '') <> ''`;
  const statement = sql`with candidate as (
      select r.id as record_id, r.user_id, r.item_id, r.completed_at, r.valid_until
        from learning_record r
       where r.completed_at is not null and r.valid_until is not null and r.user_id in (${reachable}) and ${inWindow('r')}
         and not exists (
           select 1 from learning_record n
            where n.user_id = r.user_id and n.item_id = r.item_id and n.completed_at is not null and n.valid_until > r.valid_until
         )
      union all
      select s.record_id, s.user_id, s.item_id, s.completed_at, s.valid_until
        from ${requirementStatesOf(reachable, horizon)} s
       where s.record_id is not null and ${inWindow('s')}
    ),
    chosen as (
      select distinct on (c.record_id) c.*, t.threshold
        from candidate c
        cross join lateral (select min(d) as threshold from unnest(${days}::int[]) d where c.valid_until < now() + make_interval(days => d)) t
       order by c.record_id, t.threshold, c.valid_until
    )
    insert into compliance_mail_outbox (record_id, threshold_days, user_id, recipient, payload)
    select c.record_id, c.threshold, c.user_id, u.email,
           jsonb_build_object('givenName', coalesce(u.preferred_given_name, u.given_name), 'familyName', u.family_name, 'item', i.name,
             'completedOn', to_char(c.completed_at at time zone 'UTC', 'YYYY-MM-DD'), 'validUntil', to_char(c.valid_until at time zone 'UTC', 'YYYY-MM-DD'),
             'days', greatest(0, ceil(extract(epoch from c.valid_until - now()) / 86400))::int)
      from chosen c
      join roster_user u on u.id = c.user_id
      join learning_item i on i.id = c.item_id
    on conflict (record_id, threshold_days) do nothing
    returning id`.render();
  const rows = (await db.query(statement.text, statement.values)) as unknown[];
  return rows.length;
}
