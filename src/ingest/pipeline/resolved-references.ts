import { queryRows } from '../../db/query-rows';
import type { Queryable } from '../../graphql/relay/keyset';

/**
 * Runs a format's set-based `apply` with the database's per-row foreign-key triggers off for
 * this transaction, when the connection's role may do so (`session_replication_role`, as
 * pg_restore does). The triggers re-check each written id one row at a time (a lookup and a row
 * lock per reference), about a third of a large apply. Without the privilege the apply runs the
 * same, with the triggers.
 *
 * Only for an apply whose every written reference comes from a join against the referenced row
 * inside the same transaction, into tables with no other triggers or rules, whose referenced
 * rows are never hard-deleted: each caller says why that holds for it.
 */
export async function withResolvedReferences<T>(db: Queryable, apply: () => Promise<T>): Promise<T> {
  const [probe] = await queryRows<{ allowed: boolean }>(
    db,
    `select current_setting('is_superuser') = 'on' or has_parameter_privilege('session_replication_role', 'SET') as allowed`,
  );
  if (!probe?.allowed) return apply();
  await db.query(`set local session_replication_role = replica`);
  const result = await apply();
  // Back to normal for whatever the transaction does next (a failed apply rolls it back anyway).
  await db.query(`set local session_replication_role = origin`);
  return result;
}
