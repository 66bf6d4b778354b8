import { createHash } from 'node:crypto';
import { boundaryOf, parseMultipartMixed } from '../http/multipart-mixed';
import { isObject, type Json } from '../validation/primitives';
import { XapiError } from './xapi-error';

/**
 * Statement requests with attachments (Comm. §1.5.2): the first part is the statement JSON,
 * each further part is one attachment's raw data, named by its `X-Experience-API-Hash` and
 * sent with `Content-Transfer-Encoding: binary`. Every hash is checked against the bytes.
 */
export interface AttachmentData {
  readonly sha2: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';

const HASH_BY_LENGTH: Readonly<Record<number, string>> = { 56: 'sha224', 64: 'sha256', 96: 'sha384', 128: 'sha512' };

/** The hex SHA-2 of `content` computed with the algorithm whose digest length `like` has. */
function sha2Like(like: string, content: Buffer): string | undefined {
  const algorithm = HASH_BY_LENGTH[like.length];
  return algorithm ? createHash(algorithm).update(content).digest('hex') : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new XapiError(400, 'the statement body is not valid JSON');
  }
}

/** The statement JSON of a request body and the attachment data that came with it, by SHA-2. */
export function parseStatementsBody(contentTypeHeader: string | undefined, body: Buffer): { json: unknown; attachments: Map<string, AttachmentData> } {
  const contentType = (contentTypeHeader ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType === 'application/json') return { json: parseJson(body.toString('utf8')), attachments: new Map() };
  if (contentType !== 'multipart/mixed') throw new XapiError(400, 'statements must be sent as application/json or multipart/mixed');
  const [first, ...rest] = parseMultipartMixed(body, boundaryOf(contentTypeHeader ?? ''));
  if (!first) throw new XapiError(400, 'the multipart body is empty');
  if ((first.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    throw new XapiError(400, 'multipart part 1 (the statements) must have Content-Type application/json');
  }
  const attachments = new Map<string, AttachmentData>();
  rest.forEach((part, i) => {
    const at = `multipart part ${i + 2}`;
    const hash = part.headers['x-experience-api-hash']?.toLowerCase();
    if (!hash) throw new XapiError(400, `${at}: the X-Experience-API-Hash header is required`);
    if ((part.headers['content-transfer-encoding'] ?? '').toLowerCase() !== 'binary') {
      throw new XapiError(400, `${at}: Content-Transfer-Encoding must be binary`);
    }
    if (sha2Like(hash, part.body) !== hash) throw new XapiError(400, `${at}: the data does not match its X-Experience-API-Hash ${hash}`);
    attachments.set(hash, { sha2: hash, contentType: part.headers['content-type'] ?? 'application/octet-stream', content: part.body });
  });
  return { json: parseJson(first.body.toString('utf8')), attachments };
}

/** The attachment objects of a statement and of its SubStatement. */
export function attachmentsOf(statement: Json): Json[] {
  const own = Array.isArray(statement['attachments']) ? (statement['attachments'] as unknown[]).filter(isObject) : [];
  const object = statement['object'];
  const sub = isObject(object) && object['objectType'] === 'SubStatement' && Array.isArray(object['attachments']) ? (object['attachments'] as unknown[]).filter(isObject) : [];
  return [...own, ...sub];
}

/**
 * Every attachment without a fileUrl must come with its data, and every part sent must belong
 * to an attachment of the statements (Comm. §1.5.2).
 */
export function matchAttachments(statements: readonly Json[], data: ReadonlyMap<string, AttachmentData>): void {
  const named = new Set<string>();
  statements.forEach((s, i) => {
    for (const a of attachmentsOf(s)) {
      const sha2 = String(a['sha2']).toLowerCase();
      named.add(sha2);
      if (a['fileUrl'] === undefined && !data.has(sha2)) {
        throw new XapiError(400, `statement ${i + 1}: the attachment with sha2 ${sha2} has no fileUrl and its data was not sent`);
      }
    }
  });
  for (const sha2 of data.keys()) if (!named.has(sha2)) throw new XapiError(400, `the part with X-Experience-API-Hash ${sha2} belongs to no attachment of the statements`);
}
