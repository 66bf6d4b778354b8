import { sameStatement } from './statement-equivalence';
import { type AttachmentData, SIGNATURE_USAGE } from './statement-attachments';
import { isObject, type Json } from '../validation/primitives';
import { XapiError } from './xapi-error';

/**
 * Signed statements (Data §2.6): a signature attachment holds a JWS (compact serialization)
 * whose payload is the statement as it was before the signature was added. We check the
 * algorithm, verify the signature when the header carries an X.509 certificate (x5c), and
 * compare the payload with the statement by the equivalence rules of Data §2.3.1.
 */
type Jose = typeof import('jose', { with: { 'resolution-mode': 'import' } });
let jose: Promise<Jose> | undefined;
// jose is an ES module; load it once, on the first signed statement.
const loadJose = (): Promise<Jose> => (jose ??= import('jose'));

const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);

function bad(index: number, message: string): never {
  throw new XapiError(400, `statement ${index + 1}: the signature ${message}`);
}

async function payloadOf(token: string, index: number): Promise<unknown> {
  const { decodeProtectedHeader, importX509, compactVerify } = await loadJose();
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return bad(index, 'is not a JWS in compact serialization');
  }
  if (typeof header.alg !== 'string' || !ALGORITHMS.has(header.alg)) bad(index, 'must use RS256, RS384 or RS512');
  let payload: Uint8Array;
  if (Array.isArray(header.x5c) && typeof header.x5c[0] === 'string') {
    try {
      const key = await importX509(`-----BEGIN CERTIFICATE-----\n${header.x5c[0]}\n-----END CERTIFICATE-----`, header.alg as string);
      ({ payload } = await compactVerify(token, key));
    } catch {
      return bad(index, 'does not verify against the certificate in its x5c header');
    }
  } else {
    payload = Buffer.from(token.split('.')[1] ?? '', 'base64url');
  }
  try {
    return JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return bad(index, 'payload is not a JSON statement');
  }
}

/** Checks every signature attachment of the statements against the data sent with them. */
export async function verifySignatures(statements: readonly Json[], data: ReadonlyMap<string, AttachmentData>): Promise<void> {
  for (const [index, statement] of statements.entries()) {
    const attachments = Array.isArray(statement['attachments']) ? (statement['attachments'] as unknown[]).filter(isObject) : [];
    for (const a of attachments) {
      if (a['usageType'] !== SIGNATURE_USAGE) continue;
      if (String(a['contentType']).split(';')[0]?.trim() !== 'application/octet-stream') bad(index, 'attachment must have contentType application/octet-stream');
      const part = data.get(String(a['sha2']).toLowerCase());
      if (!part) bad(index, 'attachment data was not sent');
      const signed = await payloadOf(part.content.toString('utf8').trim(), index);
      if (!isObject(signed)) bad(index, 'payload is not a JSON statement');
      if (signed['id'] !== undefined && statement['id'] !== undefined && String(signed['id']).toLowerCase() !== String(statement['id']).toLowerCase()) {
        bad(index, 'payload names another statement id');
      }
      if (!sameStatement(signed, statement)) bad(index, 'payload differs from the statement');
    }
  }
}
