import type { DataSource } from 'typeorm';

export interface SchemaDiff {
  readonly up: string[];
  readonly down: string[];
}

/** SQL TypeORM would run to make the database match the entities; empty when migrations are complete. */
export async function schemaDiff(dataSource: DataSource): Promise<SchemaDiff> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query).reverse(),
  };
}
