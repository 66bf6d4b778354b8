import { queryRows } from '../db/query-rows';
import type { Queryable } from '../graphql/relay/keyset';
import { quoteIdentifier } from '../ingest';
import { decideMatches } from './identifier-hits';
import type { IdentityMapping } from './identity-mapping';
import type { PersonReference } from './person-reference';
import { rematch } from './rematch';

export interface PeopleToMatch {
  /** The outside system the people belong to (`lms`). */
  readonly system: string;
  readonly mapping: IdentityMapping;
  /**
   * SQL (trusted text from code) yielding one jsonb column `values`: each candidate's
   * identifying fields by name, empty ones left out, e.g. over an import's staging table.
   */
  readonly candidates: string;
  /**
   * Temp table to create with the answer: `(values jsonb, person_id bigint, user_id bigint, status text, created boolean)`;
   * `created`: the person was made by this call, so nothing of theirs was stored before it.
   */
  readonly into: string;
}

export interface MatchSummary {
  readonly persons: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly ambiguous: number;
  /** Persons this call created. */
  readonly created: number;
}

/**
 * Resolves every distinct candidate to a person of the system and matches them to users, all
 * set-based: a few statements however many candidates. Persons seen for the first time are
 * inserted already matched (one write each); persons seen before are matched again, so a
 * changed identifier or a new link key takes effect with the next file. The answer is left in
 * the temp table `into` for the caller to join on `values`; it lives until the transaction ends.
 */
export async function matchPeople(db: Queryable, people: PeopleToMatch, references: readonly PersonReference[]): Promise<MatchSummary> {
  const into = quoteIdentifier(people.into);
  const seen = quoteIdentifier(`${people.into}_seen`);
  const rules = JSON.stringify(people.mapping.rules);
  // Each distinct candidate with its person key and the person it already is, if any. An
  // account id, when the source sends one, is the person: their other values may change.
  await db.query(
    `create temp table ${seen} on commit drop as
     select d.values, d.person_key, d.account_id, p.id as person_id,
            (p.id is not null and (p.values, p.account_id, p.rules) is distinct from (d.values, d.account_id, $3::jsonb)) as changed
       from (select v as values, case when a is null then 'values:' || v::text else 'account:' || a end as person_key, a as account_id
               from (select distinct c.values as v, nullif(btrim(c.values ->> $1), '') as a from (${people.candidates}) c where c.values <> '{}'::jsonb) x) d
       left join external_person p on p.system = $2 and p.person_key = d.person_key`,
    [people.mapping.accountField ?? '', people.system, rules],
  );
  await db.query(`analyze ${seen} (person_id, person_key, changed)`);
  // A person's stored values are those of its first candidate by values (one account may
  // arrive with several sets of values). Whether a candidate differs from what is stored was
  // read with the candidates (`changed`): only those persons (usually none) are sorted and
  // joined to the table again.
  await db.query(
    `update external_person p set values = c.values, account_id = c.account_id, rules = $1::jsonb, updated_at = now()
       from (select distinct on (person_key) person_id, values, account_id from ${seen}
              where person_key in (select person_key from ${seen} where changed)
              order by person_key, values) c
      where p.id = c.person_id and (p.values, p.account_id, p.rules) is distinct from (c.values, c.account_id, $1::jsonb)`,
    [rules],
  );
  await rematch(db, `select person_id from ${seen} where person_id is not null`, [], references);
  // New persons, matched by the same rules as they are inserted. A person another import
  // inserted meanwhile is left as that import made it.
  const [created] = await queryRows<{ n: number }>(
    db,
    `with fresh as (
       select distinct on (person_key) person_key, values, account_id from ${seen} where person_id is null order by person_key, values
     ), up as (
       insert into external_person (system, person_key, values, account_id, rules, user_id, status, method, candidate_user_ids, matched_at, updated_at)
       select $1, d.key, d.values, d.account_id, $2::jsonb, d.user_id, d.status, d.method, d.candidates,
              case when d.user_id is not null then now() end, now()
         from (${decideMatches(
           `select f.person_key as key, null::bigint as was, f.values, f.account_id, $2::jsonb as rules, a.user_id as linked
              from fresh f left join external_account a on a.system = $1 and a.external_id = f.account_id`,
           ['values', 'account_id'],
         )}) d
       on conflict (system, person_key) do nothing
       returning 1
     ) select count(*)::int as n from up`,
    [people.system, rules],
  );
  // `created` only for rows this transaction wrote: a person another import inserted meanwhile may have rows already.
  await db.query(
    `create temp table ${into} on commit drop as
     select s.values, p.id as person_id, p.user_id, p.status, coalesce(s.person_id is null and p.xmin = pg_current_xact_id_if_assigned()::xid, false) as created
       from ${seen} s join external_person p on p.system = $1 and p.person_key = s.person_key`,
    [people.system],
  );
  const counts = await queryRows<{ persons: number; matched: number; unmatched: number; ambiguous: number }>(
    db,
    `with persons as (select distinct person_id, status from ${into})
     select count(*)::int as persons, (count(*) filter (where status = 'MATCHED'))::int as matched,
            (count(*) filter (where status = 'UNMATCHED'))::int as unmatched, (count(*) filter (where status = 'AMBIGUOUS'))::int as ambiguous
       from persons`,
  );
  const c = counts[0] ?? { persons: 0, matched: 0, unmatched: 0, ambiguous: 0 };
  return { ...c, created: created?.n ?? 0 };
}
