import type { StatementFilter } from './statement-filter';
import { XapiError } from './xapi-error';

/**
 * The `more` token: the whole query plus the keyset position, base64url JSON. Stateless, so it
 * stays valid as long as it claims (Data §2.5 asks for at least 24 hours; we give 48).
 */
export interface MoreCursor {
  readonly filter: StatementFilter;
  readonly format: string;
  /** Whether pages answer multipart/mixed with the attachment data. */
  readonly attachments?: boolean;
  /** stored (ISO) and row key of the last statement sent. */
  readonly after: readonly [string, string];
  readonly expires: number;
}

export const MORE_LIFETIME_MS = 48 * 3600 * 1000;

export function encodeMore(cursor: MoreCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeMore(token: string, now = Date.now()): MoreCursor {
  let cursor: MoreCursor;
  try {
    cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as MoreCursor;
  } catch {
    throw new XapiError(400, 'more is not a valid cursor');
  }
  if (typeof cursor?.expires !== 'number' || !Array.isArray(cursor.after) || typeof cursor.filter !== 'object') throw new XapiError(400, 'more is not a valid cursor');
  if (cursor.expires < now) throw new XapiError(400, 'more has expired; run the query again');
  return cursor;
}
