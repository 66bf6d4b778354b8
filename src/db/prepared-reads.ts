import pg from 'pg';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { rowsAsObjects } from './row-shapes';
import { connectionTypes } from './type-parsers';

export interface PreparedReadOptions {
  readonly url: string;
  readonly max: number;
  readonly logger: TypeOrmLogger;
  readonly slowMs: number;
}

/**
 * The connections the graph's prepared reads run on (db/prepared.ts), outside any transaction:
 * a pool of their own whose sessions always use the cached generic plan of a named statement.
 * With Postgres' default choice, statements that take their parents as an array (`unnest($1)`,
 * `= any($1)`) were planned again on every execution — the planner rates a plan that knows the
 * array's length as cheaper — and planning a learner's timeline cost more than running it.
 * Those statements are index-driven whatever the values, and their limits are literals
 * (relay/keyset.ts), so the generic plan is the plan; every other statement keeps the default
 * on the ORM's own pool. Statements are counted and slow ones logged as the ORM's are.
 */
export class PreparedReadPool {
  private pool: pg.Pool | undefined;

  constructor(private readonly options: PreparedReadOptions) {}

  async query(name: string, text: string, values: unknown[]): Promise<unknown[]> {
    const { logger, slowMs } = this.options;
    logger.logQuery(text, values);
    const started = performance.now();
    try {
      const result = await this.connections().query<unknown[]>({ name, text, values, rowMode: 'array' });
      const ms = performance.now() - started;
      if (ms > slowMs) logger.logQuerySlow(Math.round(ms), text, values);
      return rowsAsObjects(result.fields, result.rows);
    } catch (error) {
      logger.logQueryError(error as Error, text, values);
      throw error;
    }
  }

  async end(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  private connections(): pg.Pool {
    if (!this.pool) {
      const pool = new pg.Pool({
        connectionString: this.options.url,
        max: this.options.max,
        application_name: 'learngraph-reads',
        options: '-c plan_cache_mode=force_generic_plan',
        types: connectionTypes,
      });
      // An idle connection the server closes (restart, failover) must not take the process down.
      pool.on('error', (error) => this.options.logger.log('warn', `prepared-read connection lost: ${error.message}`));
      this.pool = pool;
    }
    return this.pool;
  }
}

const registry = new WeakMap<object, PreparedReadPool>();

/** Ties a pool to the DataSource whose prepared reads it runs (db/data-source.ts). */
export function attachPreparedReads(owner: object, pool: PreparedReadPool): void {
  registry.set(owner, pool);
}

/** The pool for `db`'s prepared reads, if `db` is a DataSource that has one (a transaction's runner has not). */
export function preparedReadsOf(db: object): PreparedReadPool | undefined {
  return registry.get(db);
}
