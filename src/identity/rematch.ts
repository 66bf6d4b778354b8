import { queryRows } from '../db/query-rows';
import type { Queryable } from '../graphql/relay/keyset';
import { quoteIdentifier } from '../ingest';
import { decideMatches } from './identifier-hits';
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
): Promise<RematchOutcome> {
  // One grouped join for all the persons (identifier-hits.ts), not a lookup per person.
  const changed = await queryRows<{ id: string; reassigned: boolean }>(
    db,
    `update external_person p
        set user_id = v.user_id, status = v.status, method = v.method, candidate_user_ids = v.candidates, updated_at = now(),
            matched_at = case when v.user_id is null then null when v.user_id is distinct from v.was then now() else p.matched_at end
       from (${decideMatches(
         `select q.id as key, q.user_id as was, q.values, q.rules, a.user_id as linked
            from external_person q
            left join external_account a on a.system = q.system and a.external_id = q.account_id
           where q.id in (${personIds}) and q.method is distinct from 'MANUAL'`,
       )}) v
      where p.id = v.key and (p.user_id, p.status, p.method, p.candidate_user_ids) is distinct from (v.user_id, v.status, v.method, v.candidates)
      returning p.id, (v.was is distinct from v.user_id) as reassigned`,
    params,
  );
  const reassigned = changed.filter((c) => c.reassigned).map((c) => c.id);
  await propagate(db, reassigned, references);
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
