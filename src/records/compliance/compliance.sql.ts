import { raw, sql, type Sql } from '../../db/sql';

/**
 * What each of `users` (SQL yielding user ids) holds: for every item with a validity period,
 * the completion that keeps it valid longest, counting completions of equivalent items
 * (completing A counts as completing B when B lists A), each valid until its completion date
 * plus the validity period of the item it counts for. Computed when asked, so a changed period
 * or equivalence shows at once; per user it reads only that user's completions, from
 * `learning_record_held_idx` alone (`completed_at` is set exactly for achieved statuses).
 *
 * Columns: user_id, item_id, via_item_id (the item actually completed), record_id,
 * completed_at, valid_until.
 */
export function holdingsOf(users: Sql): Sql {
  return sql`(
    select distinct on (r.user_id, s.item_id) r.user_id, s.item_id, s.via_item_id, r.id as record_id, r.completed_at,
           r.completed_at + make_interval(months => coalesce(s.validity_months, 0), days => coalesce(s.validity_days, 0)) as valid_until
      from learning_record r
      join (
        select i.id as item_id, i.id as via_item_id, i.validity_months, i.validity_days
          from learning_item i where i.validity_months is not null or i.validity_days is not null
        union all
        select i.id, e.equivalent_item_id, i.validity_months, i.validity_days
          from learning_item_equivalence e join learning_item i on i.id = e.item_id
         where i.validity_months is not null or i.validity_days is not null
      ) s on s.via_item_id = r.item_id
     where r.user_id in (${users}) and r.completed_at is not null
     order by r.user_id, s.item_id, valid_until desc, r.id desc
  )`;
}

/** VALID, EXPIRING (within `days` from now) or EXPIRED, for a `valid_until` expression. */
export function statusOf(validUntil: string, days: number): Sql {
  return sql`case when ${raw(validUntil)} < now() then 'EXPIRED' when ${raw(validUntil)} < now() + make_interval(days => ${days}::integer) then 'EXPIRING' else 'VALID' end`;
}
