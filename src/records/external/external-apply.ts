import { queryRows } from '../../db/query-rows';
import type { Queryable } from '../../graphql/relay/keyset';
import type { IdentityMapping, IdentityService } from '../../identity';
import { quoteIdentifier } from '../../ingest';

/**
 * How an outside system's people are matched: its person id is a staff number or a username,
 * the email an email; the person id is the account id a link key ties to a user.
 */
export const EXTERNAL_IDENTITY: IdentityMapping = {
  rules: [
    { field: 'personId', kinds: ['identifier', 'username'] },
    { field: 'email', kinds: ['email'] },
  ],
  accountField: 'personId',
};

/** The staging table's columns (after `line`); a records CSV and a push stage the same. */
export const EXTERNAL_STAGE_COLUMNS = `line integer primary key, idempotency_key text not null, system text not null, person_id text, email text,
  record_key text not null, item_key text not null, item_title text not null, status text not null, status_text text, score numeric,
  occurred_at timestamptz not null, completed_at timestamptz, valid_until timestamptz, content_hash text not null, raw jsonb not null default '{}',
  outcome text, reason text, person_ref bigint, user_id bigint, record_id bigint`;

export type ExternalOutcome = 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';

export interface AppliedLine {
  readonly line: number;
  readonly outcome: ExternalOutcome;
  readonly reason: string | null;
  readonly record_id: string | null;
  readonly user_id: string | null;
}

export interface ExternalApplyOutcome {
  readonly lines: AppliedLine[];
  readonly added: number;
  readonly updated: number;
}

/**
 * Applies staged records (valid ones; see external-record.ts) set-based in the caller's
 * transaction, and sets each line's outcome:
 * - a key seen before (in an earlier batch, or on an earlier line of this one) with the same
 *   content is DUPLICATE and changes nothing; with other content REJECTED (conflict);
 * - the rest are ACCEPTED: people matched through identity per system (unmatched ones wait
 *   in the unmatched queue), items made on first sight (their title kept current), records
 *   upserted by `(person, system, record key)` unless the stored one occurred later, a status
 *   history row for each new record or changed status, and the key's receipt.
 * Batches of one system are serialised (advisory lock), so two concurrent sends of one key
 * cannot both be accepted. Statements: a constant number per system in the batch.
 */
export async function applyExternalRecords(tx: Queryable, identity: IdentityService, stageName: string, fileId: string | null): Promise<ExternalApplyOutcome> {
  const stage = quoteIdentifier(stageName);
  const systems = await queryRows<{ system: string }>(
    tx,
    `select system, pg_advisory_xact_lock(hashtextextended('external_record:' || system, 0)) from (select distinct system from ${stage} order by 1) s`,
  );
  await tx.query(
    `update ${stage} s set outcome = case when c.content_hash = s.content_hash then 'DUPLICATE' else 'REJECTED' end,
            reason = case when c.content_hash = s.content_hash then null
                          else 'idempotencyKey: conflict: the key was ' || c.said || ' with other content; send changed content under a new key' end,
            record_id = c.record_id
       from (
         select distinct on (s2.line) s2.line, c2.content_hash, c2.record_id, c2.said from ${stage} s2
           join (
             select r.system, r.idempotency_key, r.content_hash, r.record_id, 'received before' as said, 0 as line from external_record_receipt r
             union all
             select system, idempotency_key, content_hash, null, 'given on line ' || line, line from ${stage}
           ) c2 on c2.system = s2.system and c2.idempotency_key = s2.idempotency_key and c2.line < s2.line
          order by s2.line, c2.line
       ) c
      where c.line = s.line`,
  );
  for (const [n, { system }] of systems.entries()) {
    const candidates = `${stageName}_people_in_${n}`;
    await tx.query(`create temp table ${quoteIdentifier(candidates)} on commit drop as
      select distinct jsonb_strip_nulls(jsonb_build_object('personId', person_id, 'email', email)) as values from ${stage} where outcome is null and system = $1`, [system]);
    const into = `${stageName}_people_${n}`;
    await identity.matchPeople(tx, { system, mapping: EXTERNAL_IDENTITY, candidates: `select values from ${quoteIdentifier(candidates)}`, into });
    await tx.query(
      `update ${stage} s set person_ref = p.person_id, user_id = p.user_id from ${quoteIdentifier(into)} p
        where s.outcome is null and s.system = $1 and p.values = jsonb_strip_nulls(jsonb_build_object('personId', s.person_id, 'email', s.email))`,
      [system],
    );
  }
  await tx.query(
    `insert into learning_item (system, kind, source_key, name)
     select distinct on (system, item_key) system, 'EXTERNAL_ITEM', item_key, item_title from ${stage} where outcome is null order by system, item_key, line desc
     on conflict (system, kind, source_key) do update set name = excluded.name, updated_at = now() where learning_item.name is distinct from excluded.name`,
  );
  // One row per record (a batch may name one record on several lines: the latest occurrence wins).
  const [counts] = await queryRows<{ added: number; updated: number }>(
    tx,
    `with incoming as (
       select distinct on (s.system, s.person_ref, s.record_key) s.*, i.id as item_id, i.validity_months, i.validity_days
         from ${stage} s join learning_item i on i.system = s.system and i.kind = 'EXTERNAL_ITEM' and i.source_key = s.item_key
        where s.outcome is null
        order by s.system, s.person_ref, s.record_key, s.occurred_at desc, s.line desc
     ), prev as (
       select t.id, t.status, t.completed_at from learning_record t
         join incoming n on t.person_id = n.person_ref and t.system = n.system and t.kind = 'EXTERNAL_RECORD' and t.record_key = n.record_key
     ), up as (
       insert into learning_record as t (kind, system, person_id, user_id, item_id, record_key, status, status_text, score,
                                         occurred_at, completed_at, valid_until, as_of, details, raw, file_id, updated_at)
       select 'EXTERNAL_RECORD', n.system, n.person_ref, n.user_id, n.item_id, n.record_key, n.status, n.status_text, n.score,
              n.occurred_at, n.completed_at,
              coalesce(n.valid_until, case when n.completed_at is not null and (n.validity_months is not null or n.validity_days is not null)
                   then n.completed_at + make_interval(months => coalesce(n.validity_months, 0), days => coalesce(n.validity_days, 0)) end),
              (n.occurred_at at time zone 'UTC')::date, jsonb_build_object('externalRecordId', n.record_key), n.raw, $1, now()
         from incoming n
       on conflict (person_id, system, kind, record_key) do update set
         user_id = excluded.user_id, item_id = excluded.item_id, status = excluded.status, status_text = excluded.status_text,
         score = excluded.score, occurred_at = excluded.occurred_at, completed_at = excluded.completed_at, valid_until = excluded.valid_until,
         as_of = excluded.as_of, raw = excluded.raw, file_id = excluded.file_id, updated_at = now()
       where excluded.occurred_at >= t.occurred_at
         and (t.item_id, t.status, t.status_text, t.score, t.occurred_at, t.completed_at, t.valid_until)
             is distinct from (excluded.item_id, excluded.status, excluded.status_text, excluded.score, excluded.occurred_at, excluded.completed_at, excluded.valid_until)
       returning t.id, t.status, t.status_text, t.occurred_at, t.completed_at, t.as_of, (xmax = 0) as inserted
     ), history as (
       insert into learning_record_status (record_id, status, status_text, occurred_at, completed_at, as_of, file_id)
       select up.id, up.status, up.status_text, up.occurred_at, up.completed_at, up.as_of, $1
         from up left join prev on prev.id = up.id
        where up.inserted or (prev.status, prev.completed_at) is distinct from (up.status, up.completed_at)
     )
     select (count(*) filter (where inserted))::int as added, (count(*) filter (where not inserted))::int as updated from up`,
    [fileId],
  );
  await tx.query(
    `update ${stage} s set record_id = t.id, outcome = 'ACCEPTED' from learning_record t
      where s.outcome is null and t.person_id = s.person_ref and t.system = s.system and t.kind = 'EXTERNAL_RECORD' and t.record_key = s.record_key`,
  );
  await tx.query(
    `insert into external_record_receipt (system, idempotency_key, content_hash, record_id, file_id)
     select system, idempotency_key, content_hash, record_id, $1 from ${stage} where outcome = 'ACCEPTED'`,
    [fileId],
  );
  const lines = await queryRows<AppliedLine>(
    tx,
    `select s.line, s.outcome, s.reason, coalesce(s.record_id, f.record_id)::text as record_id, coalesce(r.user_id, s.user_id)::text as user_id
       from ${stage} s
       left join ${stage} f on s.outcome = 'DUPLICATE' and s.record_id is null and f.system = s.system and f.idempotency_key = s.idempotency_key and f.outcome = 'ACCEPTED'
       left join learning_record r on r.id = coalesce(s.record_id, f.record_id)
      order by s.line`,
  );
  return { lines, added: counts?.added ?? 0, updated: counts?.updated ?? 0 };
}
