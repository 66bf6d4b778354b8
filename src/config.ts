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
  /**
   * AES-256 key for secrets stored in the database (source passwords and private keys): 32
   * bytes, base64. Required in production before any secret can be stored or read.
   */
  SECRETS_KEY: z
    .string()
    .optional()
    .refine((v) => !v || /^[A-Za-z0-9+/]{43}=$/.test(v.trim()), 'must be 32 bytes, base64-encoded (`openssl rand -base64 32`)')
    .transform((v) => (v ? Buffer.from(v.trim(), 'base64') : undefined)),
  /**
   * Folders that local-folder sources may read (comma-separated absolute paths); a source's
   * folder must lie inside one. Default: `<DATA_DIR>/sources`.
   */
  SOURCE_FOLDER_ROOTS: z.string().optional(),
  /**
   * Folders a `path` given to an import mutation may lie in (comma-separated absolute paths);
   * the CLI reads any path its operator can. Default: `<DATA_DIR>/imports`.
   */
  IMPORT_ROOTS: z.string().optional(),
  /** Largest file an import mutation accepts as an upload. */
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).default(2 * 1024 * 1024 * 1024),
  /** How often schedules are checked and due source syncs picked up (pg-boss cron monitor), 1-45 s. */
  SCHEDULE_CHECK_SECONDS: z.coerce.number().int().min(1).max(45).default(30),
  /** A RUNNING job whose progress heartbeat (once a second) is older than this lost its worker. */
  JOB_STALE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  /** Query limits, on by default: deepest selection, cost (graphql-armor's model), tokens, aliases. */
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).default(16),
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(100_000),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(1).default(5_000),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(30),
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
  readonly queryLimits: { readonly maxDepth: number; readonly maxCost: number; readonly maxTokens: number; readonly maxAliases: number };
  /** Unset outside production means: use (or make) a key file under DATA_DIR, with a warning. */
  readonly secretsKey: Buffer | undefined;
  readonly sourceFolderRoots: readonly string[];
  readonly importRoots: readonly string[];
  readonly maxUploadBytes: number;
  readonly scheduleCheckSeconds: number;
  readonly jobStaleSeconds: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    logLevel: e.LOG_LEVEL,
    workerConcurrency: e.WORKER_CONCURRENCY,
    maxPageSize: e.MAX_PAGE_SIZE,
    introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
    queryLimits: Object.freeze({ maxDepth: e.QUERY_MAX_DEPTH, maxCost: e.QUERY_MAX_COST, maxTokens: e.QUERY_MAX_TOKENS, maxAliases: e.QUERY_MAX_ALIASES }),
    secretsKey: e.SECRETS_KEY,
    importRoots: Object.freeze(
      (e.IMPORT_ROOTS ?? path.join(dataDir, 'imports'))
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => path.resolve(p)),
    ),
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    sourceFolderRoots: Object.freeze(
      (e.SOURCE_FOLDER_ROOTS ?? path.join(dataDir, 'sources'))
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => path.resolve(p)),
    ),
    scheduleCheckSeconds: e.SCHEDULE_CHECK_SECONDS,
    jobStaleSeconds: e.JOB_STALE_SECONDS,
  });
}
