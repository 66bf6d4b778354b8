import { DomainError } from '../../shared/domain-error';
import { type AttachmentData, parseStatementsBody } from '../statements/statement-attachments';
import type { Json } from '../statements/statement-validation';

/** One page of a remote GET /statements. */
export interface RemotePage {
  readonly statements: Json[];
  /** The next page's URL, absolute; null at the end. */
  readonly next: string | null;
  readonly attachments: Map<string, AttachmentData>;
  /** `X-Experience-API-Consistent-Through`: every statement stored before it is readable. */
  readonly consistentThrough: Date | null;
}

export interface RemoteLrs {
  readonly endpoint: string;
  readonly username: string;
  readonly password: string;
  readonly version: string;
}

const TIMEOUT_MS = 60_000;

/** The first page's URL: statements stored after `since`, oldest first, exactly as stored, with attachments. */
export function firstPageUrl(lrs: RemoteLrs, since: Date | null, filters: Readonly<Record<string, string>>, limit: number): string {
  const url = new URL(`${lrs.endpoint.replace(/\/+$/, '')}/statements`);
  for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
  if (since) url.searchParams.set('since', since.toISOString());
  url.searchParams.set('ascending', 'true');
  url.searchParams.set('format', 'exact');
  // An LRS must not pass statements on without their attachments (Comm. §1.5.2).
  url.searchParams.set('attachments', 'true');
  url.searchParams.set('limit', String(limit));
  return url.toString();
}

/**
 * GETs one page. `more` is a relative IRL on the remote's host (Data §2.5), resolved against
 * the endpoint. Answers other than 200 fail the pull with the status and the remote's words.
 */
export async function fetchPage(lrs: RemoteLrs, url: string, signal: AbortSignal): Promise<RemotePage> {
  const res = await fetch(url, {
    headers: {
      authorization: `Basic ${Buffer.from(`${lrs.username}:${lrs.password}`).toString('base64')}`,
      'X-Experience-API-Version': lrs.version,
    },
    signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
  }).catch((error: unknown) => {
    if (signal.aborted) throw error;
    throw new DomainError('CONNECTION_FAILED', `cannot reach ${new URL(url).origin}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status === 401 || res.status === 403) throw new DomainError('AUTH_FAILED', `the LRS refused our credentials (${res.status})`);
  if (res.status !== 200) throw new DomainError('CONNECTION_FAILED', `GET statements answered ${res.status}: ${body.toString('utf8').slice(0, 200)}`);
  const { json, attachments } = parseStatementsBody(res.headers.get('content-type') ?? 'application/json', body);
  const result = json as { statements?: unknown; more?: unknown };
  if (!Array.isArray(result.statements)) throw new DomainError('INVALID_FILE', 'the LRS answered without a statements array');
  const through = res.headers.get('x-experience-api-consistent-through');
  const consistentThrough = through ? new Date(through) : null;
  return {
    statements: result.statements as Json[],
    next: typeof result.more === 'string' && result.more !== '' ? new URL(result.more, url).toString() : null,
    attachments,
    consistentThrough: consistentThrough && !Number.isNaN(consistentThrough.getTime()) ? consistentThrough : null,
  };
}
