import { queryRows } from '../../db/query-rows';
import type { Queryable } from '../../graphql/relay/keyset';
import type { IdentityService, MatchSummary } from '../../identity';
import { type EntryOnlyKind, ITEM_KIND_OF, LearningKind } from '../model/learning-kind';
import type { LmsOptions } from './lms-options';

export interface ApplyTarget {
  readonly kind: Exclude<LearningKind, EntryOnlyKind>;
  readonly stage: string;
  readonly options: LmsOptions;
  /** The file's business date; null when its name has none (then each row's own date). */
  readonly businessDate: string | null;
  readonly fileId: string | null;
}

export interface ApplyOutcome {
  readonly itemsCreated: number;
  readonly people: MatchSummary;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Rows older than what is stored for their record (a file imported out of date order). */
  readonly stale: number;
  /** Rows of the file that named a record another row of the same file named after it. */
  readonly merged: number;
  readonly unmatchedRows: number;
  readonly statusChanges: number;
}

/** A staged local date-time (or one with an offset) as timestamptz, in the source's zone. */
const ts = (expr: string, zone: string): string => `(case when ${expr} ~ '[+-]\\d\\d:\\d\\d$' then ${expr}::timestamptz else ${expr}::timestamp at time zone ${zone} end)`;

/**
 * Applies one staged LMS file, set-based, in the import's transaction: items by name, people
 * through identity matching, then one upsert of the records keyed by the reconciliation key
 * `(system, kind, person, record_key)`. A record changes only when the row is at least as
 * new as what is stored (its business date) and differs; each new record and each change of
 * status or completion date adds a row to the record's status history.
 */
export async function applyLmsFile(db: Queryable, identity: IdentityService, target: ApplyTarget): Promise<ApplyOutcome> {
  const { kind, stage, options } = target;
  const itemKind = ITEM_KIND_OF[kind];

  // Temp tables are never analysed by autovacuum; without statistics the planner guesses their
  // size and may choose nested loops over a whole file. ANALYZE samples them in milliseconds.
  await db.query(`analyze ${stage} (ident, item_name)`);
  const items = await queryRows<{ n: number }>(
    db,
    `with up as (
       insert into learning_item (system, kind, source_key, name)
       select distinct on (item_name) $1, $2, item_name, item_name from ${stage} order by item_name
       on conflict (system, kind, source_key) do nothing returning 1
     ) select count(*)::int as n from up`,
    [options.system, itemKind],
  );
  // The file's items as a small analysed table: items this file just created are missing from
  // learning_item's statistics, so the planner would expect one and join the whole file to its
  // people by a nested loop of index probes (seconds for 100k rows); with the real count it
  // hashes instead.
  await db.query(
    `create temp table ${stage}_items on commit drop as
     select i.id, i.source_key, i.validity_months, i.validity_days from learning_item i
      where i.system = $1 and i.kind = $2 and i.source_key in (select item_name from ${stage})`,
    [options.system, itemKind],
  );
  await db.query(`analyze ${stage}_items`);

  const people = await identity.matchPeople(db, {
    system: options.system,
    mapping: options.identity,
    candidates: `select ident::jsonb as values from ${stage}`,
    into: `${stage}_people`,
  });

  await db.query(`analyze ${stage}_people`);
  // One row per record: the file's last word on it wins (latest date, then latest line).
  // A row is completed when it was achieved, at the time it occurred (see the row validator).
  await db.query(
    `create temp table ${stage}_incoming (line integer, person_id bigint, user_id bigint, item_id bigint, validity_months integer,
       validity_days integer, record_key text, status text, status_text text, attempt integer, score numeric, occurred_at timestamptz,
       completed_at timestamptz, as_of date, details jsonb, raw jsonb) on commit drop`,
  );
  await db.query(
    `insert into ${stage}_incoming
     select distinct on (person_id, record_key) line, person_id, user_id, item_id, validity_months, validity_days, record_key, status,
            status_text, attempt, score, occurred_at, case when achieved then occurred_at end,
            coalesce($3::date, (occurred_at at time zone $2)::date), details, raw
       from (
         select s.line, p.person_id, p.user_id, i.id as item_id, i.validity_months, i.validity_days,
                case when $1 = 'FACE_TO_FACE' then s.key_part else i.id::text || '|' || s.key_part end as record_key,
                s.status, s.status_text, s.attempt::integer as attempt, s.score::numeric as score,
                ${ts('s.occurred', '$2')} as occurred_at, s.completed is not null as achieved,
                s.details::jsonb as details, s.raw::jsonb as raw
           from ${stage} s
           join ${stage}_items i on i.source_key = s.item_name
           join ${stage}_people p on p.values = s.ident::jsonb
       ) x order by person_id, record_key, occurred_at desc, line desc`,
    [kind, options.timeZone, target.businessDate],
  );
  await db.query(`analyze ${stage}_incoming (person_id, record_key)`);
  // What is stored for the file's records before this file: read once, for the stale count,
  // the upsert's status history and nothing else.
  await db.query(
    `create temp table ${stage}_prev (id bigint primary key, person_id bigint, record_key text, status text, completed_at timestamptz, as_of date) on commit drop`,
  );
  await db.query(
    `insert into ${stage}_prev
     select t.id, n.person_id, n.record_key, t.status, t.completed_at, t.as_of from ${stage}_incoming n
       join learning_record t on t.person_id = n.person_id and t.system = $1 and t.kind = $2 and t.record_key = n.record_key`,
    [options.system, kind],
  );
  const [sizes] = await queryRows<{ staged: number; incoming: number; unmatched: number; stale: number }>(
    db,
    `select (select count(*) from ${stage})::int as staged, count(*)::int as incoming,
            (count(*) filter (where n.user_id is null))::int as unmatched,
            (count(*) filter (where t.as_of > n.as_of))::int as stale
       from ${stage}_incoming n left join ${stage}_prev t on t.person_id = n.person_id and t.record_key = n.record_key`,
  );

  const [changes] = await queryRows<{ added: number; updated: number; history: number }>(
    db,
    `with up as (
       insert into learning_record as t (kind, system, person_id, user_id, item_id, record_key, status, status_text, score, attempt,
                                         occurred_at, completed_at, valid_until, as_of, details, raw, file_id, updated_at)
       select $2, $1, n.person_id, n.user_id, n.item_id, n.record_key, n.status, n.status_text, n.score, n.attempt,
              n.occurred_at, n.completed_at,
              case when n.completed_at is not null and (n.validity_months is not null or n.validity_days is not null)
                   then n.completed_at + make_interval(months => coalesce(n.validity_months, 0), days => coalesce(n.validity_days, 0)) end,
              n.as_of, n.details, n.raw, $3, now()
         from ${stage}_incoming n
       on conflict (person_id, system, kind, record_key) do update set
         user_id = excluded.user_id, item_id = excluded.item_id, status = excluded.status, status_text = excluded.status_text,
         score = excluded.score, attempt = excluded.attempt, occurred_at = excluded.occurred_at, completed_at = excluded.completed_at,
         valid_until = excluded.valid_until, as_of = excluded.as_of, details = excluded.details, raw = excluded.raw,
         file_id = excluded.file_id, updated_at = now()
       where excluded.as_of >= t.as_of
         and (t.user_id, t.item_id, t.status, t.status_text, t.score, t.attempt, t.occurred_at, t.completed_at, t.valid_until, t.details)
             is distinct from
             (excluded.user_id, excluded.item_id, excluded.status, excluded.status_text, excluded.score, excluded.attempt,
              excluded.occurred_at, excluded.completed_at, excluded.valid_until, excluded.details)
       returning t.id, t.status, t.status_text, t.occurred_at, t.completed_at, t.as_of, (xmax = 0) as inserted
     ), history as (
       insert into learning_record_status (record_id, status, status_text, occurred_at, completed_at, as_of, file_id)
       select up.id, up.status, up.status_text, up.occurred_at, up.completed_at, up.as_of, $3
         from up left join ${stage}_prev prev on prev.id = up.id
        where up.inserted or (prev.status, prev.completed_at) is distinct from (up.status, up.completed_at)
       returning 1
     )
     select (count(*) filter (where inserted))::int as added, (count(*) filter (where not inserted))::int as updated,
            (select count(*) from history)::int as history
       from up`,
    [options.system, kind, target.fileId],
  );
  const s = sizes ?? { staged: 0, incoming: 0, unmatched: 0, stale: 0 };
  const c = changes ?? { added: 0, updated: 0, history: 0 };
  return {
    itemsCreated: items[0]?.n ?? 0,
    people,
    added: c.added,
    updated: c.updated,
    unchanged: s.incoming - c.added - c.updated - s.stale,
    stale: s.stale,
    merged: s.staged - s.incoming,
    unmatchedRows: s.unmatched,
    statusChanges: c.history,
  };
}
