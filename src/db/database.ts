import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface Database {
  readonly dataSource: DataSource;
  readonly url: string;
  /** True when this process runs (or joined) the embedded Postgres under DATA_DIR. */
  readonly embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects to `DATABASE_URL`, or to the embedded Postgres under `DATA_DIR` (starting it when no
 * other process of ours runs it). Migrations are applied when `migrate` is set.
 */
export async function openDatabase(config: Config, log: Logger, options: { migrate: boolean }): Promise<Database> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, log);
  const url = config.databaseUrl ?? (embedded as { url: string }).url;
  const dataSource = createDataSource(url, log);
  try {
    await dataSource.initialize();
    if (options.migrate) {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    }
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    url,
    embedded: embedded !== undefined,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
