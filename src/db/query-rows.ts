import type { Queryable } from '../graphql/relay/keyset';

/**
 * The rows of a statement, whatever TypeORM wraps them in: UPDATE and DELETE through a
 * DataSource, EntityManager or QueryRunner come back as `[rows, affectedCount]`, everything
 * else as the rows themselves.
 */
export async function queryRows<T>(db: Queryable, text: string, values: unknown[] = []): Promise<T[]> {
  const result = (await db.query(text, values)) as unknown;
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
