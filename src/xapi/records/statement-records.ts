import { createHash } from 'node:crypto';
import { queryRows } from '../../db/query-rows';
import type { Queryable } from '../../graphql/relay/keyset';
import type { IdentityMapping, IdentityService, MatchSummary } from '../../identity';
import { outcomeVerbsSql } from './verb-status';

/** The system statements' people, items and records belong to. */
export const XAPI_SYSTEM = 'xapi';

/**
 * How statement actors are matched to users: an mbox is an email, an account's name a
 * username or staff identifier. The person's account id is the actor's IFI (`mbox:mailto:…`,
 * `account:homePage|name`, …), so a link key redeemed for system `xapi` with that IFI as the
 * external id ties the actor to a user whatever identifiers say.
 */
export const XAPI_IDENTITY: IdentityMapping = {
  rules: [
    { field: 'email', kinds: ['email'] },
    { field: 'account_name', kinds: ['username', 'identifier'] },
  ],
  accountField: 'ifi',
};

/**
 * The actor's inverse functional identifier in SQL, written exactly as the LRS's link tables
 * write it (statements/statement-links.ts `ifiOf`), for a jsonb agent expression.
 */
export const ifiSql = (agent: string): string => `(case
  when ${agent} ? 'mbox' then 'mbox:' || lower(${agent} ->> 'mbox')
  when ${agent} ? 'mbox_sha1sum' then 'mbox_sha1sum:' || lower(${agent} ->> 'mbox_sha1sum')
  when ${agent} ? 'openid' then 'openid:' || (${agent} ->> 'openid')
  when ${agent} ? 'account' then 'account:' || (${agent} -> 'account' ->> 'homePage') || '|' || (${agent} -> 'account' ->> 'name')
end)`;

/** A language map's text: English first, else any language, else `fallback`. */
const textOf = (map: string, fallback: string): string =>
  `coalesce(nullif(btrim(coalesce(${map} ->> 'en-US', ${map} ->> 'en', ${map} ->> 'en-GB', (select v.value from jsonb_each_text(case when jsonb_typeof(${map}) = 'object' then ${map} end) v order by v.key limit 1))), ''), ${fallback})`;

export interface ProjectionOutcome {
  /** Statements taken off the pending list. */
  readonly statements: number;
  /** Records written (statements with an outcome verb, an Agent actor and an Activity object). */
  readonly records: number;
  /** Records withdrawn because their statement was voided. */
  readonly withdrawn: number;
  readonly people: MatchSummary | null;
}

/** One key for every projector of every process: batches apply one after another. */
const PROJECTOR_LOCK = 7_318_294_401;

/**
 * Turns up to `limit` pending statements into learning records, set-based, in the caller's
 * transaction: voiding statements withdraw their target's record; statements with an outcome
 * verb (verb-status.ts), an Agent actor and an Activity object become one record each (key:
 * the statement id), for their actor's person, matched through identity (unmatched ones wait
 * in the unmatched queue like any record). Activities become `XAPI_ACTIVITY` items on first
 * sight. The status is the verb's; the score `result.score.scaled` as a percentage, else
 * `result.score.raw`; the record sits at the statement's timestamp and is completed then when
 * the status achieves the item.
 *
 * Batches are serialised by an advisory lock, so a voiding statement and its target projected
 * by two processes at once cannot both miss each other.
 */
export async function projectPendingStatements(tx: Queryable, identity: IdentityService, limit: number): Promise<ProjectionOutcome> {
  await tx.query(`select pg_advisory_xact_lock(${PROJECTOR_LOCK})`);
  await tx.query(`create temp table xapi_batch (pk bigint primary key, statement_id uuid, statement jsonb, stored timestamptz, ts timestamptz,
    verb_iri text, voided boolean, is_voiding boolean) on commit drop`);
  const [taken] = await queryRows<{ n: number }>(
    tx,
    `with taken as (
       delete from xapi_record_pending where statement_pk in (
         select statement_pk from xapi_record_pending order by statement_pk limit $1 for update skip locked)
       returning statement_pk
     ), batch as (
       insert into xapi_batch select s.id, s.statement_id, s.statement, s.stored, s.timestamp, s.verb_iri, s.voided, s.is_voiding
         from taken join xapi_statement s on s.id = taken.statement_pk
       returning 1
     ) select count(*)::int as n from batch`,
    [limit],
  );
  const statements = taken?.n ?? 0;
  if (statements === 0) return { statements, records: 0, withdrawn: 0, people: null };

  // A voided statement's record goes; the record's person is its actor's (person key = IFI).
  const [withdrawn] = await queryRows<{ n: number }>(
    tx,
    `with gone as (
       delete from learning_record r
        using xapi_batch b
         join xapi_statement_ref ref on ref.statement_pk = b.pk
         join xapi_statement t on t.statement_id = ref.target_statement_id and not t.is_voiding
         join external_person p on p.system = $1 and p.person_key = 'account:' || ${ifiSql("t.statement -> 'actor'")}
        where b.is_voiding and r.person_id = p.id and r.system = $1 and r.kind = 'XAPI_STATEMENT' and r.record_key = t.statement_id::text
       returning 1
     ) select count(*)::int as n from gone`,
    [XAPI_SYSTEM],
  );

  // The statements that become records: not voided (now, or by a voiding statement stored
  // before its target arrived), with an outcome verb, an identified Agent and an Activity.
  await tx.query(
    `create temp table xapi_rows on commit drop as
     select b.pk, b.statement_id, b.stored, b.ts, b.verb_iri, v.status,
            ${textOf("b.statement -> 'verb' -> 'display'", "regexp_replace(b.verb_iri, '^.*[/#]', '')")} as status_text,
            b.statement -> 'object' ->> 'id' as activity_iri,
            ${textOf("b.statement -> 'object' -> 'definition' -> 'name'", "b.statement -> 'object' ->> 'id'")} as activity_name,
            case when jsonb_typeof(b.statement #> '{result,score,scaled}') = 'number' then round((b.statement #>> '{result,score,scaled}')::numeric * 100, 4)
                 when jsonb_typeof(b.statement #> '{result,score,raw}') = 'number' then (b.statement #>> '{result,score,raw}')::numeric end as score,
            b.statement -> 'context' ->> 'registration' as registration,
            jsonb_strip_nulls(jsonb_build_object(
              'ifi', ${ifiSql("b.statement -> 'actor'")},
              'email', case when b.statement -> 'actor' ->> 'mbox' ilike 'mailto:%' then lower(substr(b.statement -> 'actor' ->> 'mbox', 8)) end,
              'mbox_sha1sum', lower(b.statement -> 'actor' ->> 'mbox_sha1sum'),
              'account_name', b.statement -> 'actor' -> 'account' ->> 'name',
              'account_home_page', b.statement -> 'actor' -> 'account' ->> 'homePage')) as values
       from xapi_batch b
       join (values ${outcomeVerbsSql()}) v(verb_iri, status) on v.verb_iri = b.verb_iri
      where not b.voided and not b.is_voiding
        and coalesce(b.statement -> 'actor' ->> 'objectType', 'Agent') = 'Agent'
        and coalesce(b.statement -> 'object' ->> 'objectType', 'Activity') = 'Activity'
        and not exists (select 1 from xapi_statement_ref ref join xapi_statement x on x.id = ref.statement_pk and x.is_voiding
                         where ref.target_statement_id = b.statement_id)`,
  );
  const hashed = await queryRows<{ sha: string }>(tx, `select distinct values ->> 'mbox_sha1sum' as sha from xapi_rows where values ? 'mbox_sha1sum'`);
  if (hashed.length > 0) await resolveHashedMailboxes(tx, hashed.map((h) => h.sha));
  await tx.query(`analyze xapi_rows`);

  const people = await identity.matchPeople(tx, { system: XAPI_SYSTEM, mapping: XAPI_IDENTITY, candidates: 'select values from xapi_rows', into: 'xapi_people' });
  // Activities become items on first sight; a later statement's name replaces a bare IRI.
  await tx.query(
    `insert into learning_item (system, kind, source_key, name)
     select distinct on (activity_iri) $1, 'XAPI_ACTIVITY', activity_iri, activity_name from xapi_rows order by activity_iri, stored desc
     on conflict (system, kind, source_key) do update set name = excluded.name, updated_at = now()
      where learning_item.name = learning_item.source_key and excluded.name <> excluded.source_key`,
    [XAPI_SYSTEM],
  );
  // Statements never change, so a record once written stays as it is (a replayed batch adds nothing).
  const [written] = await queryRows<{ n: number }>(
    tx,
    `with up as (
       insert into learning_record as t (kind, system, person_id, user_id, item_id, record_key, status, status_text, score,
                                         occurred_at, completed_at, valid_until, as_of, details, updated_at)
       select 'XAPI_STATEMENT', $1, p.person_id, p.user_id, i.id, x.statement_id::text, x.status, x.status_text, x.score, x.ts, c.completed_at,
              case when c.completed_at is not null and (i.validity_months is not null or i.validity_days is not null)
                   then c.completed_at + make_interval(months => coalesce(i.validity_months, 0), days => coalesce(i.validity_days, 0)) end,
              (x.stored at time zone 'UTC')::date,
              jsonb_strip_nulls(jsonb_build_object('statementId', x.statement_id::text, 'verb', x.verb_iri, 'activityId', x.activity_iri, 'registration', x.registration)),
              now()
         from xapi_rows x
         join xapi_people p on p.values = x.values
         join learning_item i on i.system = $1 and i.kind = 'XAPI_ACTIVITY' and i.source_key = x.activity_iri
         cross join lateral (select case when x.status in ('COMPLETED', 'PASSED', 'ATTENDED') then x.ts end as completed_at) c
       on conflict (person_id, system, kind, record_key) do nothing
       returning t.id, t.status, t.status_text, t.occurred_at, t.completed_at, t.as_of
     ), history as (
       insert into learning_record_status (record_id, status, status_text, occurred_at, completed_at, as_of)
       select id, status, status_text, occurred_at, completed_at, as_of from up returning 1
     ) select count(*)::int as n from up`,
    [XAPI_SYSTEM],
  );
  return { statements, records: written?.n ?? 0, withdrawn: withdrawn?.n ?? 0, people };
}

/**
 * Actors known only by `mbox_sha1sum`: Postgres has no SHA-1 without an extension, so the
 * live users' emails are hashed here (as `mailto:` IRIs, Data §2.4.2.3) and the matching email
 * joins the actor's values, where the email rule finds it. Costs one read of the emails, and
 * only for batches that hold such actors.
 */
async function resolveHashedMailboxes(tx: Queryable, hashes: readonly string[]): Promise<void> {
  const wanted = new Set(hashes);
  const emails = await queryRows<{ normalized: string }>(
    tx,
    `select distinct ui.normalized from user_identifier ui join roster_user u on u.id = ui.user_id and u.deleted_at is null
      where ui.kind = 'email' and ui.deleted_at is null`,
  );
  const found: [string, string][] = [];
  for (const { normalized } of emails) {
    const sha = createHash('sha1').update(`mailto:${normalized}`).digest('hex');
    if (wanted.has(sha)) found.push([sha, normalized]);
  }
  if (found.length === 0) return;
  await tx.query(
    `update xapi_rows x set values = x.values || jsonb_build_object('email', f.email)
       from unnest($1::text[], $2::text[]) f(sha, email) where x.values ->> 'mbox_sha1sum' = f.sha`,
    [found.map((f) => f[0]), found.map((f) => f[1])],
  );
}
