import { queryRows } from '../../db/query-rows';
import type { Queryable } from '../../graphql/relay/keyset';

/**
 * Runs `apply` with the database's per-row foreign-key triggers off for this transaction, when
 * the connection's role may do so (`session_replication_role`, as pg_restore does).
 *
 * Why it is safe for the LMS apply: every reference it writes comes from a join against the
 * referenced row inside this same transaction: `item_id` from the file's items just read or
 * created, `person_id` from the persons just read or created, `user_id` from those persons
 * (matched through `roster_user` or an `external_account`), a status row's `record_id` from the
 * record the same statement wrote. Users, items and LMS persons are never hard-deleted, and
 * these tables have no other triggers or rules.
 * Why it matters: the triggers re-check each id one row at a time (a lookup and a row lock per
 * reference: four per record, one per new person), about a third of a large file's apply.
 * Without the privilege the apply runs the same, with the triggers.
 */
export async function withResolvedReferences<T>(db: Queryable, apply: () => Promise<T>): Promise<T> {
  const [probe] = await queryRows<{ allowed: boolean }>(
    db,
    `select current_setting('is_superuser') = 'on' or has_parameter_privilege('session_replication_role', 'SET') as allowed`,
  );
  if (!probe?.allowed) return apply();
  await db.query(`set local session_replication_role = replica`);
  const result = await apply();
  // Back to normal for whatever the transaction does next (a failed apply rolls back anyway).
  await db.query(`set local session_replication_role = origin`);
  return result;
}
