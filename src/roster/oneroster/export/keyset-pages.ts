import type { QueryRunner } from 'typeorm';

/**
 * Reads a query's rows in pages keyed on `t.id` (`where ... and t.id > $last order by t.id
 * limit n`): each page is one indexed range scan, memory holds one page, and inside the
 * export's REPEATABLE READ transaction every page sees the same snapshot.
 */
export async function* keysetPages<T extends { __id: string }>(
  runner: QueryRunner,
  sql: { select: string; from: string; where: string; params: readonly unknown[] },
  pageSize: number,
): AsyncGenerator<T[]> {
  const last = sql.params.length + 1;
  const text = `select t.id::text as __id, ${sql.select} from ${sql.from}
                 where ${sql.where} and t.id > $${last}::bigint order by t.id limit ${pageSize}`;
  let after = '-9223372036854775808';
  for (;;) {
    const rows = (await runner.query(text, [...sql.params, after])) as T[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = (rows[rows.length - 1] as T).__id;
  }
}
