import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { DomainError } from '../shared/domain-error';
import type { Logger } from '../shared/logger';

/** Codes the GraphQL layer itself produces and that are safe to pass through unchanged. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // Refusals the server's own plugins raise before execution (a scoped key's reach, rate limits).
  'FORBIDDEN',
  'RATE_LIMITED',
]);

/**
 * The one place where errors become what clients see: domain errors keep their code and
 * message, auth errors get UNAUTHENTICATED/FORBIDDEN, and anything unexpected is masked behind
 * an error id that is logged with the real error.
 */
export function createErrorFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return { ...formatted, message: original.message, extensions: { ...original.details, code: original.code } };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = original.extensions.validationErrors.map((v) => ({
        field: v.property,
        rules: Object.keys(v.constraints ?? {}),
        messages: Object.values(v.constraints ?? {}),
      }));
      return { ...formatted, message: 'Argument validation failed', extensions: { code: 'BAD_USER_INPUT', problems } };
    }
    if (original instanceof AuthenticationError) {
      return { ...formatted, extensions: { code: 'UNAUTHENTICATED' } };
    }
    if (original instanceof AuthorizationError) {
      return { ...formatted, message: 'This API key may not do that', extensions: { code: 'FORBIDDEN' } };
    }
    const httpError = clientHttpError(original);
    if (httpError) return { ...formatted, message: httpError.message, extensions: { code: httpError.code } };
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && PASS_THROUGH.has(code) && !(original instanceof Error && !(original instanceof GraphQLError))) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    const errorId = randomUUID();
    log.error({ err: original, errorId, path: formatted.path }, 'unexpected error');
    return {
      message: `Internal error (id ${errorId})`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}

/**
 * Errors from HTTP middleware that are meant for the client (`http-errors` with `expose`,
 * e.g. graphql-upload's 413 for a file over the size limit).
 */
function clientHttpError(error: unknown): { code: string; message: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, expose } = error as Error & { status?: unknown; expose?: unknown };
  if (expose !== true || typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message: error.message };
}
