/**
 * The codes a client may see in `extensions.code`. Services throw `DomainError`s; the GraphQL
 * layer maps them in one place (graphql/errors.ts) and masks everything else.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_FILE'
  | 'DUPLICATE_FILE'
  /** A source's server presented another host key than the pinned one (never retried). */
  | 'HOST_KEY_MISMATCH'
  /** A source's server refused its credentials (never retried). */
  | 'AUTH_FAILED'
  /** A source's server could not be reached, after retries. */
  | 'CONNECTION_FAILED'
  /** The server lacks something it needs (a secrets key, an importer, a pinned host key). */
  | 'NOT_CONFIGURED';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('NOT_FOUND', `${what} ${id} does not exist`, { id });
