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
  MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
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
  /** Operations one API key may send per window (HTTP, WebSocket and xAPI alike); 0 turns limits off. */
  RATE_LIMIT_POINTS: z.coerce.number().int().min(0).default(6_000),
  RATE_LIMIT_DURATION_SECONDS: z.coerce.number().int().min(1).default(60),
  /**
   * How often each instance sends its rate-limit counts to Postgres (one statement for all keys)
   * and learns the shared totals. Longer: fewer statements, more overshoot across instances.
   */
  RATE_LIMIT_SYNC_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  /**
   * xAPI requests per credential per window, counted in each instance's memory: LRS clients send
   * many small requests, and a shared database row per credential would serialise them.
   */
  XAPI_RATE_LIMIT_POINTS: z.coerce.number().int().min(0).default(60_000),
  /** How long an API key lookup is reused in-process; also how long a key revoked on another instance keeps working there. 0 = off. */
  API_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  /** `x-learngraph-sql-count` is answered outside production unless this says otherwise. */
  SQL_STATEMENT_COUNTS: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  /** Repeated read operations run as compiled code (graphql/compiled-queries.ts); `false` runs everything through graphql-js. */
  GRAPHQL_COMPILED_QUERIES: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Introspection is off in production unless this says otherwise. */
  GRAPHQL_INTROSPECTION: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  /** SMTP server for compliance mail (expiry notices); unset = no mail is sent. */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true: TLS from the start (port 465); false: STARTTLS when the server offers it. */
  SMTP_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().default('learngraph <no-reply@localhost>'),
  /** Days before a record expires at which its holder is emailed (comma-separated); an expired record is emailed too. */
  EXPIRY_MAIL_THRESHOLDS: z
    .string()
    .default('30,7')
    .refine((v) => v.split(',').every((d) => /^\s*\d{1,4}\s*$/.test(d) && Number(d) > 0), 'must be whole days above 0, comma-separated (`30,7`)')
    .transform((v) => [...new Set(v.split(',').map((d) => Number(d.trim())))].sort((a, b) => b - a)),
  /** When the daily expiry mail job runs (cron, in EXPIRY_MAIL_TIMEZONE). */
  EXPIRY_MAIL_CRON: z.string().default('0 6 * * *'),
  EXPIRY_MAIL_TIMEZONE: z.string().default('UTC'),
  /** A folder whose `<template>.subject.txt`, `<template>.txt` and `<template>.html` replace the built-in mail templates. */
  MAIL_TEMPLATES_DIR: z.string().optional(),
  /** Attempts per email before it is given up (FAILED); the wait doubles from MAIL_RETRY_SECONDS. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).default(60),
  /** HMAC key for signed links (certificates, report downloads), at least 32 characters; unset = a random key per process. */
  URL_SIGNING_KEY: z.string().min(32).optional(),
  SIGNED_URL_TTL_SECONDS: z.coerce.number().int().min(1).default(3600),
  /** The server's public base URL for links it hands out; unset = links are paths on this server. */
  PUBLIC_URL: z.string().url().optional(),
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
  /** Whether a request may ask for its SQL statement count (header `x-learngraph-sql-count`). */
  readonly sqlStatementCounts: boolean;
  /** Whether repeated read operations run as compiled code (graphql-jit). */
  readonly compiledQueries: boolean;
  readonly queryLimits: { readonly maxDepth: number; readonly maxCost: number; readonly maxTokens: number; readonly maxAliases: number };
  /** Unset outside production means: use (or make) a key file under DATA_DIR, with a warning. */
  readonly secretsKey: Buffer | undefined;
  readonly sourceFolderRoots: readonly string[];
  readonly importRoots: readonly string[];
  readonly maxUploadBytes: number;
  readonly scheduleCheckSeconds: number;
  /** Compliance mail and signed links. */
  readonly compliance: ComplianceConfig;
  readonly jobStaleSeconds: number;
  readonly rateLimit: { readonly points: number; readonly durationSeconds: number; readonly xapiPoints: number; readonly syncMs: number };
  readonly apiKeyCacheSeconds: number;
}

export interface ComplianceConfig {
  readonly smtp: { readonly host: string; readonly port: number; readonly secure: boolean; readonly user: string | undefined; readonly password: string | undefined } | undefined;
  readonly mailFrom: string;
  /** Largest first. */
  readonly expiryThresholds: readonly number[];
  readonly expiryCron: string;
  readonly expiryTimeZone: string;
  readonly templatesDir: string | undefined;
  readonly mailMaxAttempts: number;
  readonly mailRetrySeconds: number;
  readonly urlSigningKey: string | undefined;
  readonly signedUrlTtlSeconds: number;
  readonly publicUrl: string | undefined;
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
    sqlStatementCounts: e.SQL_STATEMENT_COUNTS ?? e.NODE_ENV !== 'production',
    compiledQueries: e.GRAPHQL_COMPILED_QUERIES,
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
    compliance: Object.freeze({
      smtp: e.SMTP_HOST ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, password: e.SMTP_PASSWORD } : undefined,
      mailFrom: e.MAIL_FROM,
      expiryThresholds: Object.freeze(e.EXPIRY_MAIL_THRESHOLDS),
      expiryCron: e.EXPIRY_MAIL_CRON,
      expiryTimeZone: e.EXPIRY_MAIL_TIMEZONE,
      templatesDir: e.MAIL_TEMPLATES_DIR ? path.resolve(e.MAIL_TEMPLATES_DIR) : undefined,
      mailMaxAttempts: e.MAIL_MAX_ATTEMPTS,
      mailRetrySeconds: e.MAIL_RETRY_SECONDS,
      urlSigningKey: e.URL_SIGNING_KEY,
      signedUrlTtlSeconds: e.SIGNED_URL_TTL_SECONDS,
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    }),
    jobStaleSeconds: e.JOB_STALE_SECONDS,
    rateLimit: Object.freeze({ points: e.RATE_LIMIT_POINTS, durationSeconds: e.RATE_LIMIT_DURATION_SECONDS, xapiPoints: e.XAPI_RATE_LIMIT_POINTS, syncMs: e.RATE_LIMIT_SYNC_MS }),
    apiKeyCacheSeconds: e.API_KEY_CACHE_SECONDS,
  });
}
