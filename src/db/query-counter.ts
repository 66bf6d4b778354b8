import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../shared/logger';
import { queryText } from './prepared';

interface Counter {
  statements: number;
}

const storage = new AsyncLocalStorage<Counter>();

/** Bind a counter to the current async context (for request pipelines that are not one closure). */
export function enterStatementCounter(): Counter {
  const counter: Counter = { statements: 0 };
  storage.enterWith(counter);
  return counter;
}

/** Runs `fn` uncounted: bookkeeping a request does besides its own work (its audit row). */
export function outsideStatementCounter<T>(fn: () => Promise<T>): Promise<T> {
  return storage.exit(fn);
}

export function currentStatementCount(): number | undefined {
  return storage.getStore()?.statements;
}

/** TypeORM logger: counts every statement, forwards errors and slow queries to pino. */
export class CountingLogger implements TypeOrmLogger {
  constructor(private readonly out: Logger) {}

  logQuery(): void {
    const counter = storage.getStore();
    if (counter) counter.statements += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    this.out.debug({ err: error, query: queryText(query).slice(0, 500) }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.out.warn({ ms: time, query: queryText(query).slice(0, 500) }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.out.debug(message);
  }

  logMigration(message: string): void {
    this.out.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn({ message }, 'typeorm');
    else this.out.debug({ message }, 'typeorm');
  }
}
