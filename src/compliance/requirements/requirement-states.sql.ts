import { raw, sql, type Sql } from '../../db/sql';

/**
 * States from worst to best. A person's state is their worst requirement's; the SQL ranks
 * states by their position here (1 = worst).
 */
export const STATES_WORST_FIRST = ['OVERDUE', 'EXPIRED', 'NOT_STARTED', 'EXPIRING', 'MET_BY_EQUIVALENT', 'MET'] as const;

const STATE_ARRAY = raw(`array[${STATES_WORST_FIRST.map((s) => `'${s}'`).join(', ')}]::text[]`);

/**
 * Every requirement that applies to each of `users` (SQL yielding user ids), with the
 * completion that satisfies it and its state, as one set-based subquery:
 *
 * - ORG requirements apply to users with a live role at the org or any org below it; ROLE ones
 *   to users with a live role of that name (within the org's subtree when one is given); CLASS
 *   ones to users with a live enrollment in the class.
 * - The satisfying completion is the user's completion of the item or of an item equivalent to
 *   it that stays valid longest (one that never expires wins), the item itself before an
 *   equivalent. A completion is valid for the requirement's `valid_months` when it recurs, else
 *   for the required item's own validity period, else forever. Read per (user, requirement)
 *   from `learning_record_held_idx` alone.
 * - State: EXPIRED (valid until is past), EXPIRING (within `days`), MET_BY_EQUIVALENT, MET;
 *   without a completion OVERDUE (past `due_on`) or NOT_STARTED.
 *
 * Columns: user_id, requirement_id, item_id, due_on, valid_months, record_id, via_item_id,
 * completed_at, valid_until, state, rank (position in STATES_WORST_FIRST, 1 = worst).
 */
export function requirementStatesOf(users: Sql, days: number): Sql {
  return sql`(
    with recursive req_org(requirement_id, org_id) as (
      select q.id, q.org_id from learning_requirement q where q.org_id is not null
      union
      select t.requirement_id, o.id from org o join req_org t on o.parent_id = t.org_id
    ),
    target_user(user_id) as (${users}),
    assigned(user_id, requirement_id) as (
      select ro.user_id, q.id
        from learning_requirement q
        join req_org t on t.requirement_id = q.id
        join role ro on ro.org_id = t.org_id and ro.deleted_at is null and (q.role is null or ro.role = q.role)
       where q.target in ('ORG', 'ROLE') and ro.user_id in (select user_id from target_user)
      union
      select ro.user_id, q.id
        from learning_requirement q join role ro on ro.role = q.role and ro.deleted_at is null
       where q.target = 'ROLE' and q.org_id is null and ro.user_id in (select user_id from target_user)
      union
      select e.user_id, q.id
        from learning_requirement q join enrollment e on e.class_id = q.class_id and e.deleted_at is null
       where q.target = 'CLASS' and e.user_id in (select user_id from target_user)
    ),
    -- Materialized: a handful of rows, built once instead of once per (user, requirement).
    requirement_item(requirement_id, item_id, items, validity) as materialized (
      select q.id, q.item_id,
             array(select q.item_id union all select e.equivalent_item_id from learning_item_equivalence e where e.item_id = q.item_id),
             case when q.valid_months is not null then make_interval(months => q.valid_months)
                  when i.validity_months is not null or i.validity_days is not null
                    then make_interval(months => coalesce(i.validity_months, 0), days => coalesce(i.validity_days, 0)) end
        from learning_requirement q join learning_item i on i.id = q.item_id
    )
    select s.*, array_position(${STATE_ARRAY}, s.state) as rank from (
      select a.user_id, q.id as requirement_id, q.item_id, q.due_on, q.valid_months,
             h.record_id, h.via_item_id, h.completed_at, h.valid_until,
             case
               when h.record_id is not null and h.valid_until < now() then 'EXPIRED'
               when h.record_id is not null and h.valid_until < now() + make_interval(days => ${days}::integer) then 'EXPIRING'
               when h.record_id is not null and h.via_item_id <> q.item_id then 'MET_BY_EQUIVALENT'
               when h.record_id is not null then 'MET'
               when q.due_on < current_date then 'OVERDUE'
               else 'NOT_STARTED'
             end as state
        from assigned a
        join learning_requirement q on q.id = a.requirement_id
        join requirement_item ri on ri.requirement_id = q.id
        left join lateral (
          select r.id as record_id, r.item_id as via_item_id, r.completed_at, r.completed_at + ri.validity as valid_until
            from learning_record r
           where r.user_id = a.user_id and r.item_id = any(ri.items) and r.completed_at is not null
           order by (r.completed_at + ri.validity) desc nulls first, (r.item_id = ri.item_id) desc, r.completed_at desc, r.id desc
           limit 1
        ) h on true
    ) s
  )`;
}

/** The users with a live role at the org or below it. */
export function peopleOf(orgSubtree: Sql): Sql {
  return sql`select distinct r.user_id from role r where r.deleted_at is null and r.org_id in ${orgSubtree}`;
}
