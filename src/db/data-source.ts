import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import type { Logger } from '../shared/logger';
import { entities } from './entities';
import { CountingLogger } from './query-counter';

/**
 * THE DataSource: the server, the workers, the CLI and the tests all build it here.
 * Schema changes go through `migrations/` only; `synchronize` stays off.
 */
export function createDataSource(url: string, log: Logger, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new CountingLogger(log),
    maxQueryExecutionTime: 2_000,
    extra: { max: options.poolSize ?? 10, application_name: 'learngraph' },
  });
}
