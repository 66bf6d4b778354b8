import type { ImportContext } from './import-context';

/**
 * Runs `apply` with the database's per-row foreign-key triggers off for this transaction, when
 * the connection's role may do so (`session_replication_role`, as pg_restore does).
 *
 * Why it is safe here: every reference the apply writes comes from an inner join against the
 * referenced row inside this same transaction (`join class c on ... c.id`), after the checks
 * rejected the rows whose references do not resolve, and roster records are never hard-deleted.
 * Why it matters: the triggers re-check each of those ids one row at a time (a lookup and a
 * row lock per reference), about a third of a large import's time. Without the privilege the
 * apply runs the same, with the triggers.
 */
export async function withResolvedReferences<T>(ctx: ImportContext, apply: () => Promise<T>): Promise<T> {
  const [probe] = await ctx.query<{ allowed: boolean }>(
    `select current_setting('is_superuser') = 'on' or has_parameter_privilege('session_replication_role', 'SET') as allowed`,
  );
  if (!probe?.allowed) return apply();
  await ctx.query(`set local session_replication_role = replica`);
  try {
    return await apply();
  } finally {
    // Back to normal for whatever the transaction does next (a failed apply rolls back anyway).
    if (ctx.queryRunner.isTransactionActive) await ctx.queryRunner.query(`set local session_replication_role = origin`).catch(() => {});
  }
}
