import { type ApolloServerPlugin, type GraphQLRequestContext, HeaderMap } from '@apollo/server';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/** When a document is compiled: after this many executions, so one-off documents never pay for it. */
const COMPILE_AFTER_USES = 3;

/**
 * A compiled document whose first results all had errors goes back to graphql-js for good:
 * whatever it is (a construct graphql-jit treats differently), it would otherwise run twice.
 */
const GIVE_UP_AFTER_FAILURES = 3;

/** The header a federation gateway sends to ask for per-field traces (inline trace plugin). */
const TRACE_HEADER = 'apollo-federation-include-trace';

/** What the plugin did, for tests and diagnostics. */
export interface CompiledQueryStats {
  /** Documents (per operation) compiled. */
  compiled: number;
  /** Operations answered by compiled code. */
  served: number;
  /** Compiled runs whose result was discarded for graphql-js's (an error, or a throw). */
  fellBack: number;
}

interface Compiled {
  uses: number;
  failures: number;
  succeeded: boolean;
  /** The compiled query, or null when graphql-jit declined the document (graphql-js runs it). */
  query: CompiledQuery | null | undefined;
}

/**
 * Runs repeated read operations as compiled JavaScript (graphql-jit) instead of graphql-js's
 * generic executor. A page such as a learner's history resolves hundreds of fields per
 * request; the generic executor allocates argument and result maps for each of them, which was
 * the largest share of the server's CPU per page after the database driver.
 *
 * Only the happy path is compiled. A compiled result with any error is discarded and the
 * operation runs again through Apollo's own executor, so every error a client sees is formatted,
 * logged and audited exactly as before (reads have no side effects; their loaders are cached on
 * the request's context, so the second run costs little). Mutations, subscriptions and traced
 * requests (a gateway asking for `ftv1`, which needs graphql-js's per-field hooks) always take
 * Apollo's path.
 *
 * Compiled queries are kept per parsed document: Apollo caches parsed documents in a bounded
 * store, so this cache lives and dies with that store's entries.
 */
export function compiledQueriesPlugin<Context extends object>(
  schema: GraphQLSchema,
  stats: CompiledQueryStats = { compiled: 0, served: 0, fellBack: 0 },
): ApolloServerPlugin<Context> {
  const byDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();

  const compiledFor = (context: GraphQLRequestContext<Context>): Compiled | null => {
    const { document, operationName } = context;
    if (!document) return null;
    let perOperation = byDocument.get(document);
    if (!perOperation) byDocument.set(document, (perOperation = new Map()));
    const key = operationName ?? '';
    let entry = perOperation.get(key);
    if (!entry) perOperation.set(key, (entry = { uses: 0, failures: 0, succeeded: false, query: undefined }));
    if (entry.query === undefined) {
      if (++entry.uses < COMPILE_AFTER_USES) return null;
      entry.query = compile(schema, document, operationName);
      if (entry.query) stats.compiled++;
    }
    return entry.query ? entry : null;
  };

  return {
    async requestDidStart({ request }) {
      if (request.http?.headers.get(TRACE_HEADER)) return;
      return {
        async responseForOperation(context) {
          if (context.operation?.operation !== 'query') return null;
          const compiled = compiledFor(context);
          if (!compiled?.query) return null;
          const result = await run(compiled.query, context);
          if (!result || result.errors?.length) {
            stats.fellBack++;
            if (!compiled.succeeded && ++compiled.failures >= GIVE_UP_AFTER_FAILURES) compiled.query = null;
            return null;
          }
          compiled.succeeded = true;
          stats.served++;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: result.data ?? null } } };
        },
      };
    },
  };
}

/** The compiled document, or null when graphql-jit cannot compile it (graphql-js then runs it). */
function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CompiledQuery | null {
  try {
    const compiled = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
    return isCompiledQuery(compiled) ? compiled : null;
  } catch {
    return null;
  }
}

/** The compiled result, or null when it threw instead of reporting errors (graphql-js then runs it). */
async function run<Context extends object>(query: CompiledQuery, context: GraphQLRequestContext<Context>): Promise<ExecutionResult | null> {
  try {
    return await query.query(undefined, context.contextValue, context.request.variables ?? {});
  } catch {
    return null;
  }
}
