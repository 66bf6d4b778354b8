/** The compared columns of a record: a row that differs in none of them changes nothing. */
const COMPARED = ['user_id', 'item_id', 'status', 'status_text', 'score', 'attempt', 'occurred_at', 'completed_at', 'valid_until', 'details'] as const;

/**
 * The incoming table of an LMS apply: one row per record of the file, as it will be stored,
 * then what was stored for that record before the file (`prev_id` null: nothing).
 */
export const INCOMING_COLUMNS = `line integer, person_id bigint, user_id bigint, item_id bigint, record_key text, status text, status_text text,
  attempt integer, score numeric, occurred_at timestamptz, completed_at timestamptz, valid_until timestamptz, as_of date, details jsonb,
  raw text, new_person boolean, prev_id bigint, prev_user_id bigint, prev_item_id bigint, prev_status text, prev_status_text text,
  prev_score numeric, prev_attempt integer, prev_occurred_at timestamptz, prev_completed_at timestamptz, prev_valid_until timestamptz,
  prev_as_of date, prev_details jsonb`;

const tuple = (alias: string, prefix = ''): string => `(${COMPARED.map((c) => `${alias}.${prefix}${c}`).join(', ')})`;

/**
 * One statement writing the incoming records ($1 system, $2 kind, $3 file id) and answering
 * `added`, `updated` and `history` (status rows written). The caller holds the system's LMS
 * lock (lms-apply.ts), so what was read for each record is still what is stored.
 *
 * Records nothing was stored for are inserted plainly, in the order of the learner timeline
 * index, so that its pages (and those of the other indexes leading with the user) are visited
 * once each rather than at random: a third of the page reads and writes of a 100k-row file into
 * a table larger than shared buffers. Stored records are updated by id, and only those whose
 * row is at least as new as what was read and differs from it, so a file sent again writes,
 * locks and parses nothing. The update checks the live row again (`t`): other writers (a
 * rematch rewriting users) do not take the lock. Each new record, and each change of status or
 * completion date, adds a status row.
 */
export function writeRecords(incoming: string): string {
  const columns = `${COMPARED.join(', ')}, as_of, raw, file_id`;
  return `with added as (
       insert into learning_record as t (kind, system, person_id, record_key, ${columns}, updated_at)
       select $2, $1, n.person_id, n.record_key, ${COMPARED.map((c) => `n.${c}`).join(', ')}, n.as_of, n.raw::jsonb, $3, now()
         from ${incoming} n
        where n.prev_id is null
        order by n.user_id, n.occurred_at
       returning t.id, t.status, t.status_text, t.occurred_at, t.completed_at, t.as_of
     ), changed as (
       update learning_record t set
         ${COMPARED.map((c) => `${c} = n.${c}`).join(', ')}, as_of = n.as_of, raw = n.raw::jsonb, file_id = $3, updated_at = now()
         from ${incoming} n
        where n.prev_id is not null and n.as_of >= n.prev_as_of and ${tuple('n')} is distinct from ${tuple('n', 'prev_')}
          and t.id = n.prev_id and n.as_of >= t.as_of and ${tuple('t')} is distinct from ${tuple('n')}
       returning t.id, t.status, t.status_text, t.occurred_at, t.completed_at, t.as_of, n.prev_status, n.prev_completed_at
     ), history as (
       insert into learning_record_status (record_id, status, status_text, occurred_at, completed_at, as_of, file_id)
       select id, status, status_text, occurred_at, completed_at, as_of, $3 from added
        union all
       select id, status, status_text, occurred_at, completed_at, as_of, $3 from changed
        where (prev_status, prev_completed_at) is distinct from (status, completed_at)
       returning 1
     )
     select (select count(*) from added)::int as added, (select count(*) from changed)::int as updated,
            (select count(*) from history)::int as history`;
}
