import type { ClientBase } from 'pg';
import type { QueryRunner } from 'typeorm';
import { invariant } from '../../shared/invariant';

/**
 * The pg client behind a TypeORM QueryRunner, for what TypeORM cannot do (COPY). For the
 * postgres driver `connect()` resolves to the very connection the runner's transaction runs on
 * (PostgresQueryRunner keeps it as `databaseConnection`), so COPY joins that transaction.
 */
export async function pgClientOf(queryRunner: QueryRunner): Promise<ClientBase> {
  invariant(queryRunner.connection.driver.options.type === 'postgres', 'COPY needs the postgres driver');
  const client = (await queryRunner.connect()) as ClientBase;
  invariant(typeof client?.query === 'function', 'the query runner did not yield a pg client');
  return client;
}
