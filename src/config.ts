import path from 'node:path';
import { z } from 'zod';

/** Environment, parsed and validated once at start-up; everything else reads this object. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Jobs one process works on at once; 0 turns the in-process worker off (`serve` only). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(2),
  /** Largest `first`/`last` a connection accepts. */
  MAX_PAGE_SIZE: z.coerce.number().int().min(1).default(500),
  /** Introspection is off in production unless this says otherwise. */
  GRAPHQL_INTROSPECTION: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly workerConcurrency: number;
  readonly maxPageSize: number;
  readonly introspection: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    workerConcurrency: e.WORKER_CONCURRENCY,
    maxPageSize: e.MAX_PAGE_SIZE,
    introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
  });
}
