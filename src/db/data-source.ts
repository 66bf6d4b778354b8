import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import type { Logger } from '../shared/logger';
import { entities } from './entities';
import { attachPreparedReads, PreparedReadPool } from './prepared-reads';
import { CountingLogger } from './query-counter';
import { connectionTypes } from './type-parsers';

const SLOW_QUERY_MS = 2_000;

/** A DataSource that also closes the pool of its prepared reads (db/prepared-reads.ts). */
class LearngraphDataSource extends DataSource {
  constructor(
    options: ConstructorParameters<typeof DataSource>[0],
    private readonly preparedReads: PreparedReadPool,
  ) {
    super(options);
    attachPreparedReads(this, preparedReads);
  }

  override async destroy(): Promise<void> {
    try {
      await super.destroy();
    } finally {
      await this.preparedReads.end();
    }
  }
}

/**
 * THE DataSource: the server, the workers, the CLI and the tests all build it here.
 * Schema changes go through `migrations/` only; `synchronize` stays off.
 */
export function createDataSource(url: string, log: Logger, options: { poolSize?: number } = {}): DataSource {
  const logger = new CountingLogger(log);
  const max = options.poolSize ?? 10;
  return new LearngraphDataSource(
    {
      type: 'postgres',
      url,
      entities,
      migrations,
      migrationsTableName: 'typeorm_migrations',
      migrationsTransactionMode: 'each',
      synchronize: false,
      logger,
      maxQueryExecutionTime: SLOW_QUERY_MS,
      extra: { max, application_name: 'learngraph', types: connectionTypes },
    },
    new PreparedReadPool({ url, max, logger, slowMs: SLOW_QUERY_MS }),
  );
}
