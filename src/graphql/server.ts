import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import { GraphQLError, type GraphQLFormattedError, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { DataSource } from 'typeorm';
import type { AppLoaders, AppServices } from '../app/services';
import type { AccessScope } from '../auth/scope/access-scope';
import { auditPlugin } from '../auth/audit/audit-plugin';
import { compiledQueriesPlugin } from './compiled-queries';
import { httpRateLimit } from '../auth/rate-limit/http-rate-limit';
import { KeyRateLimiter, subjectOf } from '../auth/rate-limit/key-rate-limiter';
import { scopedOperationError } from '../auth/scope/scoped-operations';
import type { Viewer } from '../auth/viewer';
import type { Config } from '../config';
import { currentStatementCount, enterStatementCounter } from '../db/query-counter';
import type { Logger } from '../shared/logger';
import type { Context } from './context';
import { createErrorFormatter } from './errors';
import { queryLimits } from './limits';
import { appSchema } from './schema';
import { uploadMiddleware } from './upload';

export interface HttpServerDeps {
  readonly db: DataSource;
  readonly config: Config;
  readonly log: Logger;
  readonly services: AppServices;
  /** Per-request loaders; a scoped key's narrow what they load to its org subtree. */
  readonly createLoaders: (scope: AccessScope | null) => AppLoaders;
  /** The services a request with this scope uses (the process-wide ones when unscoped). */
  readonly servicesFor: (scope: AccessScope | null) => AppServices;
  /** Extra routes (the xAPI endpoint, say) mounted before the GraphQL endpoint. */
  readonly mount?: (app: Express) => void;
}

export interface RunningHttpServer {
  readonly url: string;
  readonly port: number;
  /** Per-key budgets; `sync()` sends this instance's counts to Postgres now (closing does too). */
  readonly rateLimits: Pick<KeyRateLimiter, 'sync'>;
  /** Stops accepting, lets in-flight requests and subscriptions finish, saves the rate-limit counts, then closes. */
  close(): Promise<void>;
}

const SQL_COUNT_HEADER = 'x-learngraph-sql-count';

/** HTTP (queries, mutations, health) and graphql-ws (subscriptions) on one port and path. */
export async function startHttpServer(deps: HttpServerDeps): Promise<RunningHttpServer> {
  const { config, log, services } = deps;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const schema = appSchema();
  const formatError = createErrorFormatter(log);
  const limits = queryLimits(config);
  const rateLimiter = new KeyRateLimiter(deps.db, config.rateLimit, log);

  const makeContext = (viewer: Viewer | null | 'invalid'): Context => {
    const scope = viewer === 'invalid' ? null : (viewer?.scope ?? null);
    return {
      requestId: randomUUID(),
      viewer: viewer === 'invalid' ? null : viewer,
      keyRejected: viewer === 'invalid',
      db: deps.db,
      config,
      log,
      services: deps.servicesFor(scope),
      loaders: deps.createLoaders(scope),
    };
  };

  const viewerFor = async (authorization: unknown): Promise<Viewer | null | 'invalid'> => {
    if (typeof authorization !== 'string' || authorization === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) return 'invalid';
    return (await services.apiKeys.authenticate(match[1])) ?? 'invalid';
  };

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown> | undefined, { viewer?: Viewer | null; rateSubject?: string }>(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const authorization = params['authorization'] ?? params['Authorization'];
        const viewer = await viewerFor(authorization);
        if (viewer === 'invalid') return false;
        ctx.extra.viewer = viewer;
        ctx.extra.rateSubject = subjectOf(authorization, ctx.extra.request.socket.remoteAddress);
        return true;
      },
      context: (ctx) => makeContext(ctx.extra.viewer ?? null),
      // Subscriptions get the same limits as HTTP operations.
      onSubscribe: async (ctx, _id, payload) => {
        // Each operation over the socket spends the key's budget as an HTTP request would.
        const decision = await rateLimiter.take(ctx.extra.rateSubject ?? subjectOf(undefined, ctx.extra.request.socket.remoteAddress));
        if (!decision.allowed) {
          return [
            new GraphQLError(`Too many requests for this key; retry in ${decision.retryAfterSeconds} s`, {
              extensions: { code: 'RATE_LIMITED', retryAfterSeconds: decision.retryAfterSeconds },
            }),
          ];
        }
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as import('graphql').GraphQLError];
        }
        const errors = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
        if (errors.length > 0) return errors;
        // Mutations go over HTTP, where every one is audited (auth/audit); the socket is for reading.
        if (getOperationAST(document, payload.operationName ?? undefined)?.operation === 'mutation') {
          return [new GraphQLError('Send mutations over HTTP POST /graphql', { extensions: { code: 'BAD_REQUEST' } })];
        }
        const refused = ctx.extra.viewer?.scope ? scopedOperationError(schema, document) : undefined;
        if (refused) return [refused];
        return { schema, document, variableValues: payload.variables ?? null, operationName: payload.operationName ?? null };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
    },
    wsServer,
  );

  const sqlCountPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ request }) {
      if (!config.sqlStatementCounts || !request.http?.headers.get(SQL_COUNT_HEADER)) return;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              sqlStatements: currentStatementCount(),
            };
          }
        },
      };
    },
  };

  // A scoped key may only select what its scope narrows (auth/scope/scoped-operations.ts).
  const scopePlugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue }) {
      if (!contextValue.viewer?.scope) return;
      return {
        async didResolveOperation({ document }) {
          const refused = scopedOperationError(schema, document);
          if (refused) throw refused;
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    formatError: formatError as (f: GraphQLFormattedError, e: unknown) => GraphQLFormattedError,
    includeStacktraceInErrorResponses: false,
    // The process owns shutdown order (HTTP, workers, then Postgres); Apollo must not re-raise signals.
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    plugins: [
      ...limits.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // We set no cache hints; Apollo's default cache-control plugin would still wrap every
      // field resolver to compute them, a measurable share of a large page's CPU.
      ApolloServerPluginCacheControlDisabled(),
      // A gateway asks a subgraph for per-field timings (`ftv1`); error messages stay out of them.
      ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      sqlCountPlugin,
      scopePlugin,
      auditPlugin(services.auditLog, log),
      ...(config.compiledQueries ? [compiledQueriesPlugin<Context>(schema)] : []),
    ],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await deps.db.query('select 1');
      const pending = await deps.db.showMigrations();
      res.status(pending ? 503 : 200).json({ status: pending ? 'migrations pending' : 'ok' });
    } catch (error) {
      log.warn({ err: error }, 'health check failed');
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  app.use('/xapi', httpRateLimit(new KeyRateLimiter(deps.db, { points: config.rateLimit.xapiPoints, durationSeconds: config.rateLimit.durationSeconds }, log, 'memory')));
  deps.mount?.(app);
  // Its own app so that Express does not hash every response body for an ETag: POSTed
  // operations are never revalidated, and hashing a large page was a few % of its CPU.
  const graphqlApp = express();
  graphqlApp.disable('x-powered-by');
  graphqlApp.disable('etag');
  app.use('/graphql', graphqlApp);
  graphqlApp.use(
    // Before parsing anything: decided from memory, so a refused request costs no statement at all.
    httpRateLimit(rateLimiter),
    express.json({ limit: '1mb' }),
    // Multipart requests (uploads) need Apollo's CSRF header, e.g. `apollo-require-preflight: true`.
    uploadMiddleware({ maxFileSize: config.maxUploadBytes, maxFiles: 1 }),
    (req, _res, next) => {
      // Everything the request does from here on counts towards its SQL statement total, when
      // it asks and counting is on. Once any request has entered the async context that counts,
      // every promise of the process pays a hook (a few % of a large page's CPU), so production
      // leaves it off unless SQL_STATEMENT_COUNTS says otherwise.
      if (config.sqlStatementCounts && req.headers[SQL_COUNT_HEADER]) enterStatementCounter();
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req }: { req: Request }) => {
        return makeContext(await viewerFor(req.headers.authorization));
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;
  log.info({ url: `${url}/graphql` }, 'GraphQL endpoint ready');

  return {
    url,
    port,
    rateLimits: rateLimiter,
    close: async () => {
      await apollo.stop();
      await closeServer(httpServer);
      // Every request has finished: its point is counted, and reaches Postgres before it closes.
      await rateLimiter.stop();
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}
