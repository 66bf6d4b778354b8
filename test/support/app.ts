import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { startRuntime, type Runtime } from '../../src/app/runtime';
import { ApiRole } from '../../src/auth/role';
import { loadConfig } from '../../src/config';
import type { JobHandler } from '../../src/jobs/job-handler';
import { createLogger } from '../../src/shared/logger';
import type { FormatImporter } from '../../src/sources';
import { createTestDatabase, type TestDatabase } from './database';

export interface GraphQLResponse<TData> {
  readonly status: number;
  readonly data?: TData | null;
  readonly errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  readonly extensions?: { sqlStatements?: number } & Record<string, unknown>;
}

export interface TestApp {
  readonly db: TestDatabase;
  readonly runtime: Runtime;
  readonly url: string;
  readonly keys: Readonly<Record<ApiRole, string>>;
  /** Sends an operation over HTTP as the given role (admin by default; `null` sends no key). */
  gql<TData, TVars>(
    document: TypedDocumentNode<TData, TVars> | string,
    variables?: TVars,
    options?: { role?: ApiRole | null; key?: string },
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/** The whole server (HTTP, WS, queue, worker) on a fresh database and a free port. */
export async function startTestApp(
  options: {
    extraHandlers?: ReadonlyMap<string, JobHandler>;
    /** Format importers for sources, instead of the built-in ones. */
    importers?: readonly FormatImporter[];
    workerConcurrency?: number;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    // Keys stay cached from creation for the whole run, so a request's statement count never
    // depends on how long ago its key was last used (tests/roster/helpers.ts: AUTH = 0).
    API_KEY_CACHE_SECONDS: '3600',
    ...options.env,
  });
  const log = createLogger(config.logLevel, 'test');
  const runtime = await startRuntime(config, log, {
    http: true,
    workerConcurrency: options.workerConcurrency ?? 1,
    ...(options.extraHandlers ? { extraHandlers: options.extraHandlers } : {}),
    ...(options.importers ? { importers: options.importers } : {}),
    database: { dataSource: db.dataSource, url: db.url, embedded: false, close: async () => {} },
  });
  const keys = {} as Record<ApiRole, string>;
  for (const role of Object.values(ApiRole)) keys[role] = (await runtime.services.apiKeys.create(`test ${role}`, role)).key;
  const url = runtime.http?.url as string;
  return {
    db,
    runtime,
    url,
    keys,
    gql: async (document, variables, opts = {}) => {
      const role = opts.role === undefined ? ApiRole.ADMIN : opts.role;
      const key = opts.key ?? (role ? keys[role] : undefined);
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-learngraph-sql-count': '1',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
        body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    close: async () => {
      await runtime.close();
      await db.drop();
    },
  };
}
