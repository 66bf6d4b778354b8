import type { QueryRunner } from 'typeorm';

/**
 * Reads a query's rows through a server-side cursor, `pageSize` rows per FETCH: memory holds
 * one page, and the query is planned and run once. (Keyset pages were planned per page; right
 * after a big import, before autovacuum has analysed the tables, each page became a full scan
 * and a sort, turning a 1M-row export quadratic.) The cursor lives in the caller's transaction,
 * whose REPEATABLE READ snapshot every file of the export shares.
 */
export async function* cursorPages<T>(runner: QueryRunner, query: string, params: readonly unknown[], pageSize: number): AsyncGenerator<T[]> {
  await runner.query(`declare export_rows no scroll cursor for ${query}`, [...params]);
  try {
    for (;;) {
      const rows = (await runner.query(`fetch forward ${pageSize} from export_rows`)) as T[];
      if (rows.length > 0) yield rows;
      if (rows.length < pageSize) return;
    }
  } finally {
    // After a failed statement the transaction is aborted and CLOSE would fail too (hiding the
    // real error); the caller's rollback closes the cursor then.
    await runner.query('close export_rows').catch(() => undefined);
  }
}
