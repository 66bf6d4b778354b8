import { queryRows } from '../db/query-rows';
import type { Queryable } from '../graphql/relay/keyset';
import { quoteIdentifier } from '../ingest';
import type { PersonReference } from './person-reference';

/** What a rematch changed. */
export interface RematchOutcome {
  /** Persons whose status, user or candidates changed. */
  readonly changed: number;
  /** Persons whose user changed (their records were rewritten). */
  readonly reassigned: number;
}

/**
 * Matches the persons that `personIds` (SQL yielding one bigint column) selects, in one
 * statement, then rewrites the user of their rows in every referencing table.
 *
 * The rules, in order: a MANUAL link stays as it is; an account linked by a link key wins;
 * otherwise every identifier the person's values carry (by the source's rules, normalised as
 * the kind says) is looked up among live users. Exactly one user: MATCHED. Several (a staff
 * number two users claim, or a username of one and an email of another): AMBIGUOUS, with the
 * candidates kept, and nobody chosen. None: UNMATCHED.
 */
export async function rematch(
  db: Queryable,
  personIds: string,
  params: unknown[],
  references: readonly PersonReference[],
  /** Persons made in this transaction: they have no rows anywhere yet, so nothing to rewrite. */
  created: ReadonlySet<string> = new Set(),
): Promise<RematchOutcome> {
  // Each person's identifier hits are gathered by a LATERAL subquery (index lookups per person),
  // so the cost stays linear in the persons however the planner estimates a fresh temp table;
  // a join of CTEs here once went quadratic after a misestimate.
  const changed = await queryRows<{ id: string; reassigned: boolean }>(
    db,
    `update external_person p
        set user_id = v.user_id, status = v.status, method = v.method, candidate_user_ids = v.candidates, updated_at = now(),
            matched_at = case when v.user_id is null then null when v.user_id is distinct from v.was then now() else p.matched_at end
       from (
         select t.id, t.was,
                coalesce(t.linked, case when cardinality(t.users) = 1 then t.users[1] end) as user_id,
                case when t.linked is not null then 'LINK_KEY' when cardinality(t.users) = 1 then 'IDENTIFIER' end as method,
                case when t.linked is not null or cardinality(t.users) = 1 then 'MATCHED'
                     when cardinality(t.users) > 1 then 'AMBIGUOUS' else 'UNMATCHED' end as status,
                case when t.linked is null and cardinality(t.users) > 1 then t.users else '{}'::bigint[] end as candidates
           from (
             select q.id, q.user_id as was, a.user_id as linked, coalesce(f.users, '{}'::bigint[]) as users
               from external_person q
               left join external_account a on a.system = q.system and a.external_id = q.account_id
               left join lateral (
                 select array_agg(distinct ui.user_id order by ui.user_id) as users
                   from jsonb_to_recordset(q.rules) as r(field text, kinds text[])
                  cross join unnest(r.kinds) as k(kind)
                   join user_identifier ui on ui.kind = k.kind and ui.deleted_at is null
                    and ui.normalized = case when k.kind in ('email', 'username') then lower(btrim(q.values ->> r.field)) else btrim(q.values ->> r.field) end
                   join roster_user u on u.id = ui.user_id and u.deleted_at is null
                  where q.values ? r.field
               ) f on a.user_id is null
              where q.id in (${personIds}) and q.method is distinct from 'MANUAL'
           ) t
       ) v
      where p.id = v.id and (p.user_id, p.status, p.method, p.candidate_user_ids) is distinct from (v.user_id, v.status, v.method, v.candidates)
      returning p.id, (v.was is distinct from v.user_id) as reassigned`,
    params,
  );
  const reassigned = changed.filter((c) => c.reassigned).map((c) => c.id);
  await propagate(db, reassigned.filter((id) => !created.has(id)), references);
  return { changed: changed.length, reassigned: reassigned.length };
}

/** Rewrites the user of the persons' rows in every referencing table. */
export async function propagate(db: Queryable, personIds: readonly string[], references: readonly PersonReference[]): Promise<void> {
  if (personIds.length === 0) return;
  for (const ref of references) {
    const [table, person, user] = [quoteIdentifier(ref.table), quoteIdentifier(ref.personColumn), quoteIdentifier(ref.userColumn)];
    await db.query(
      `update ${table} r set ${user} = p.user_id from external_person p
        where p.id = any($1::bigint[]) and r.${person} = p.id and r.${user} is distinct from p.user_id`,
      [personIds],
    );
  }
}
