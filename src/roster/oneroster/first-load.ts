import type { ImportContext } from './import-context';

/**
 * A first import of a system into a table (the common first import of a district) has nothing
 * to diff against: every staged row is new. It is applied with a plain INSERT ... SELECT
 * instead of the upsert, which skips the conflict probe and the comparison per row and gives
 * the same rows, counts and result. Soft-deleted rows count as rows: they may come back.
 */
export async function holdsNoRecordsOf(ctx: ImportContext, table: string): Promise<boolean> {
  const [row] = await ctx.query<{ none: boolean }>(`select not exists (select 1 from ${table} where system = $1) as none`, [ctx.system]);
  return row?.none ?? false;
}

/**
 * Runs `load` (a first-load INSERT into `table`) with the table's secondary indexes dropped, and
 * rebuilds them from their own definitions right after, in the same transaction: building an
 * index from sorted rows costs a fraction of maintaining it one row at a time, most of a large
 * first import's time. Only when the table holds no row of any system, since rebuilding means
 * reading every row, and only when no other session is using it at that moment: dropping an
 * index locks the table (ACCESS EXCLUSIVE) until the import commits, so readers of the still
 * empty table wait for it; with the lock taken by someone else the load runs with the indexes.
 * Indexes behind a constraint (the primary key others reference) stay; a role that does not own
 * the table loads with its indexes. The definitions are read from the catalog, so what the
 * migrations made is what is rebuilt; a rollback undoes it all.
 */
export async function withIndexesRebuilt<T>(ctx: ImportContext, table: string, load: () => Promise<T>): Promise<T> {
  if (!(await isEmpty(ctx, table)) || !(await mayDropIndexes(ctx, table))) return load();
  await ctx.query(`savepoint first_load_lock`);
  try {
    await ctx.query(`lock table ${table} in access exclusive mode nowait`);
  } catch (error) {
    await ctx.query(`rollback to savepoint first_load_lock`);
    // Someone is reading or writing the table right now: not worth waiting for.
    if ((error as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return load();
    throw error;
  }
  await ctx.query(`release savepoint first_load_lock`);
  // Another import may have committed rows between the check and the lock.
  if (!(await isEmpty(ctx, table))) return load();
  const indexes = await ctx.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by i.indexrelid`,
    [table],
  );
  if (indexes.length > 0) await ctx.query(`drop index ${indexes.map((i) => i.name).join(', ')}`);
  const result = await load();
  // Sorting a district's keys in memory instead of in temp files halves the larger builds.
  await ctx.query(`set local maintenance_work_mem = '256MB'`);
  for (const index of indexes) await ctx.query(index.definition);
  return result;
}

/** Dropping an index takes the table's owner (or a member of its role). */
async function mayDropIndexes(ctx: ImportContext, table: string): Promise<boolean> {
  const [row] = await ctx.query<{ owner: boolean }>(`select pg_has_role(relowner, 'USAGE') as owner from pg_class where oid = $1::regclass`, [table]);
  return row?.owner ?? false;
}

const LOCK_NOT_AVAILABLE = '55P03';

async function isEmpty(ctx: ImportContext, table: string): Promise<boolean> {
  const [row] = await ctx.query<{ empty: boolean }>(`select not exists (select 1 from ${table}) as empty`);
  return row?.empty ?? false;
}
