import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import { type GraphQLFormattedError, parse, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { DataSource } from 'typeorm';
import type { AppLoaders, AppServices } from '../app/services';
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
  readonly createLoaders: () => AppLoaders;
  /** Extra routes (the xAPI endpoint, say) mounted before the GraphQL endpoint. */
  readonly mount?: (app: Express) => void;
}

export interface RunningHttpServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests and subscriptions finish, then closes. */
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

  const makeContext = (viewer: Viewer | null | 'invalid'): Context => ({
    requestId: randomUUID(),
    viewer: viewer === 'invalid' ? null : viewer,
    keyRejected: viewer === 'invalid',
    db: deps.db,
    config,
    log,
    services,
    loaders: deps.createLoaders(),
  });

  const viewerFor = async (authorization: unknown): Promise<Viewer | null | 'invalid'> => {
    if (typeof authorization !== 'string' || authorization === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) return 'invalid';
    return (await services.apiKeys.authenticate(match[1])) ?? 'invalid';
  };

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown> | undefined, { viewer?: Viewer | null }>(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const viewer = await viewerFor(params['authorization'] ?? params['Authorization']);
        if (viewer === 'invalid') return false;
        ctx.extra.viewer = viewer;
        return true;
      },
      context: (ctx) => makeContext(ctx.extra.viewer ?? null),
      // Subscriptions get the same limits as HTTP operations.
      onSubscribe: (_ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as import('graphql').GraphQLError];
        }
        const errors = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
        if (errors.length > 0) return errors;
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
      if (!request.http?.headers.get(SQL_COUNT_HEADER)) return;
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
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      sqlCountPlugin,
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
  deps.mount?.(app);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    // Multipart requests (uploads) need Apollo's CSRF header, e.g. `apollo-require-preflight: true`.
    uploadMiddleware({ maxFileSize: config.maxUploadBytes, maxFiles: 1 }),
    (_req, _res, next) => {
      // Everything the request does from here on counts towards its SQL statement total.
      enterStatementCounter();
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
    close: async () => {
      await apollo.stop();
      await closeServer(httpServer);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}
