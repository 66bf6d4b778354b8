import { queryRows } from '../../db/query-rows';
import type { Queryable } from '../../graphql/relay/keyset';
import type { IdentityService, MatchSummary } from '../../identity';
import { withResolvedReferences } from '../../ingest';
import { type EntryOnlyKind, ITEM_KIND_OF, LearningKind } from '../model/learning-kind';
import type { LmsOptions } from './lms-options';
import { INCOMING_COLUMNS, writeRecords } from './lms-record-writes';

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

/** Waits for, then holds until the transaction ends, the lock of one LMS system ($1) that its applies take. */
export const LMS_SYSTEM_LOCK = `select pg_advisory_xact_lock(hashtextextended('lms:' || $1, 0))`;

/** A staged local date-time (or one with an offset) as timestamptz, in the source's zone. */
const ts = (expr: string, zone: string): string => `(case when ${expr} ~ '[+-]\\d\\d:\\d\\d$' then ${expr}::timestamptz else ${expr}::timestamp at time zone ${zone} end)`;

/**
 * Applies one staged LMS file, set-based, in the import's transaction: items by name, people
 * through identity matching, then the records keyed by the reconciliation key
 * `(system, kind, person, record_key)` (lms-record-writes.ts). A record changes only when the
 * row is at least as new as what is stored (its business date) and differs; each new record
 * and each change of status or completion date adds a row to the record's status history.
 */
export async function applyLmsFile(db: Queryable, identity: IdentityService, target: ApplyTarget): Promise<ApplyOutcome> {
  const { kind, stage, options } = target;
  const itemKind = ITEM_KIND_OF[kind];

  // LMS imports of one system apply one after the other (files still load side by side), so
  // what an apply reads of the system's records stays true until it commits: a record it found
  // nothing stored for is inserted plainly, without an upsert's conflict probe.
  await db.query(LMS_SYSTEM_LOCK, [options.system]);
  // Temp tables are never analysed by autovacuum; without statistics the planner guesses their
  // size and may choose nested loops over a whole file. ANALYZE samples them in milliseconds.
  await db.query(`analyze ${stage} (ident, item_name)`);
  const items = await queryRows<{ n: number }>(
    db,
    `with up as (
       insert into learning_item (system, kind, source_key, name)
       select $1, $2, item_name, item_name from (select item_name from ${stage} group by item_name) g order by item_name
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

  // References may skip their triggers: every reference the apply writes comes from a join in
  // this transaction — `item_id` from the items just read or created, `person_id` from the
  // persons just read or created, `user_id` from those persons (matched through `roster_user` or
  // an `external_account`), a status row's `record_id` from the record the same statement wrote.
  // Users, items and LMS persons are never hard-deleted; these tables have no other triggers.
  return withResolvedReferences(db, () => applyRecords(db, identity, target, items[0]?.n ?? 0));
}

async function applyRecords(db: Queryable, identity: IdentityService, target: ApplyTarget, itemsCreated: number): Promise<ApplyOutcome> {
  const { kind, stage, options } = target;
  // A file names each person on many rows: the distinct identity texts are cast to jsonb once.
  const people = await identity.matchPeople(db, {
    system: options.system,
    mapping: options.identity,
    candidates: `select ident::jsonb as values from (select distinct ident from ${stage}) d`,
    into: `${stage}_people`,
  });

  await db.query(`analyze ${stage}_people`);
  await db.query(`create temp table ${stage}_incoming (${INCOMING_COLUMNS}) on commit drop`);
  // One row per record: the file's last word on it wins (latest date, then latest line).
  // A row is completed when it was achieved, at the time it occurred (see the row validator).
  // Beside it, what is stored for that record before this file (`prev_*`), read once by the
  // reconciliation key, for the stale count, the status history and telling new records from
  // known ones; a person this file created has nothing stored, so is not looked up.
  // `raw` stays text until a record is written: rows that change nothing never parse it.
  await db.query(
    `insert into ${stage}_incoming
     with who as materialized (
       -- Each identity text's person, its text cast to jsonb once: the file's rows then join
       -- them by text, not by parsing and hashing jsonb once per row.
       select d.ident, p.person_id, p.user_id, p.created from (select distinct ident from ${stage}) d join ${stage}_people p on p.values = d.ident::jsonb
     )
     select n.*, t.id, t.user_id, t.item_id, t.status, t.status_text, t.score, t.attempt, t.occurred_at, t.completed_at, t.valid_until, t.as_of, t.details
       from (
         select distinct on (person_id, record_key) line, person_id, user_id, item_id, record_key, status, status_text, attempt, score, occurred_at,
                case when achieved then occurred_at end as completed_at,
                case when achieved and (validity_months is not null or validity_days is not null)
                     then occurred_at + make_interval(months => coalesce(validity_months, 0), days => coalesce(validity_days, 0)) end as valid_until,
                coalesce($3::date, (occurred_at at time zone $2)::date) as as_of, details, raw, new_person
           from (
             select s.line, p.person_id, p.user_id, i.id as item_id, i.validity_months, i.validity_days,
                    case when $1 = 'FACE_TO_FACE' then s.key_part else i.id::text || '|' || s.key_part end as record_key,
                    s.status, s.status_text, s.attempt::integer as attempt, s.score::numeric as score,
                    ${ts('s.occurred', '$2')} as occurred_at, s.completed is not null as achieved,
                    s.details::jsonb as details, s.raw, p.created as new_person
               from ${stage} s
               join ${stage}_items i on i.source_key = s.item_name
               join who p on p.ident = s.ident
           ) x order by person_id, record_key, occurred_at desc, line desc
       ) n
       left join lateral (
         -- LIMIT keeps this a probe of the record's unique key per row: as a plain subquery the
         -- planner flattens it into a join and, with the system's records not yet analysed (a
         -- file sent again right after the first), nested-loops the whole system per row.
         select t.* from learning_record t
          where not n.new_person and t.person_id = n.person_id and t.system = $4 and t.kind = $1 and t.record_key = n.record_key
          limit 1
       ) t on true`,
    [kind, options.timeZone, target.businessDate, options.system],
  );
  await db.query(`analyze ${stage}_incoming (prev_id)`);
  const [sizes] = await queryRows<{ staged: number; incoming: number; unmatched: number; stale: number }>(
    db,
    `select (select count(*) from ${stage})::int as staged, count(*)::int as incoming,
            (count(*) filter (where user_id is null))::int as unmatched, (count(*) filter (where prev_as_of > as_of))::int as stale
       from ${stage}_incoming`,
  );
  const [changes] = await queryRows<{ added: number; updated: number; history: number }>(db, writeRecords(`${stage}_incoming`), [
    options.system,
    kind,
    target.fileId,
  ]);
  const s = sizes ?? { staged: 0, incoming: 0, unmatched: 0, stale: 0 };
  const c = changes ?? { added: 0, updated: 0, history: 0 };
  return {
    itemsCreated,
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
