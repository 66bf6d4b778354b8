import { queryRows } from '../db/query-rows';
import type { Queryable } from '../graphql/relay/keyset';
import { quoteIdentifier } from '../ingest';
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
  /** Temp table to create with the answer: `(values jsonb, person_id bigint, user_id bigint, status text)`. */
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
 * Resolves every distinct candidate to a person of the system (creating persons seen for the
 * first time) and matches them to users, all set-based: a few statements however many
 * candidates. The answer is left in the temp table `into` for the caller to join on `values`;
 * it lives until the transaction ends. Persons seen before are matched again too, so a changed
 * identifier or a new link key takes effect with the next file.
 */
export async function matchPeople(db: Queryable, people: PeopleToMatch, references: readonly PersonReference[]): Promise<MatchSummary> {
  const into = quoteIdentifier(people.into);
  const account = people.mapping.accountField;
  await db.query(
    `create temp table ${into} (values jsonb primary key, person_key text not null, account_id text, person_id bigint, user_id bigint, status text) on commit drop`,
  );
  // An account id, when the source sends one, is the person: their other values may change.
  await db.query(
    `insert into ${into} (values, person_key, account_id)
     select v, case when a is null then 'values:' || v::text else 'account:' || a end, a
       from (select distinct c.values as v, nullif(btrim(c.values ->> $1), '') as a from (${people.candidates}) c where c.values <> '{}'::jsonb) d`,
    [account ?? ''],
  );
  const created = await queryRows<{ id: string }>(
    db,
    `with up as (
       insert into external_person as p (system, person_key, values, account_id, rules, updated_at)
       select distinct on (person_key) $1, person_key, values, account_id, $2::jsonb, now() from ${into} order by person_key, values
       on conflict (system, person_key) do update set values = excluded.values, account_id = excluded.account_id, rules = excluded.rules, updated_at = now()
        where (p.values, p.account_id, p.rules) is distinct from (excluded.values, excluded.account_id, excluded.rules)
       returning p.id, (xmax = 0) as inserted
     ) select id from up where inserted`,
    [people.system, JSON.stringify(people.mapping.rules)],
  );
  await db.query(`analyze ${into}`);
  await db.query(`update ${into} t set person_id = p.id from external_person p where p.system = $1 and p.person_key = t.person_key`, [people.system]);
  await rematch(db, `select person_id from ${into}`, [], references, new Set(created.map((c) => c.id)));
  const counts = await queryRows<{ persons: number; matched: number; unmatched: number; ambiguous: number }>(
    db,
    `with answered as (
       update ${into} t set user_id = p.user_id, status = p.status from external_person p where p.id = t.person_id returning t.person_id, t.status
     ), persons as (select distinct person_id, status from answered)
     select count(*)::int as persons, (count(*) filter (where status = 'MATCHED'))::int as matched,
            (count(*) filter (where status = 'UNMATCHED'))::int as unmatched, (count(*) filter (where status = 'AMBIGUOUS'))::int as ambiguous
       from persons`,
  );
  const c = counts[0] ?? { persons: 0, matched: 0, unmatched: 0, ambiguous: 0 };
  return { ...c, created: created.length };
}
