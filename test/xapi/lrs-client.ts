import type { TestApp } from '../support/app';

export interface LrsClient {
  readonly keyId: string;
  readonly secret: string;
  /** Sends to /xapi<path> with basic auth and a version header (override either through `headers`); strings and Buffers go as they are. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export const VERSION = { 'X-Experience-API-Version': '1.0.3' };

/** Creates an LRS credential through the graph (as admin) and returns a client using it. */
export async function lrsClient(app: TestApp, scope: 'READ' | 'WRITE' | 'ALL' = 'ALL', xapiVersion?: 'V1_0_3' | 'V2_0_0'): Promise<LrsClient> {
  const res = await app.gql<{ createLrsCredential: { keyId: string; secret: string } }, unknown>(
    'mutation($input: CreateLrsCredentialInput!) { createLrsCredential(input: $input) { keyId secret } }',
    { input: { name: `test ${scope}`, scope, ...(xapiVersion ? { xapiVersion } : {}) } },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  const { keyId, secret } = res.data.createLrsCredential;
  const auth = `Basic ${Buffer.from(`${keyId}:${secret}`).toString('base64')}`;
  return {
    keyId,
    secret,
    request: (method, path, body, headers = {}) =>
      fetch(`${app.url}/xapi${path}`, {
        method,
        headers: {
          authorization: auth,
          ...VERSION,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
      }),
  };
}

let counter = 0;

/** A minimal valid statement; `over` replaces top-level parts. */
export function statement(over: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    actor: { objectType: 'Agent', mbox: 'mailto:learner@example.org', name: 'Learner' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
    object: { objectType: 'Activity', id: `http://example.org/activity/${counter}` },
    ...over,
  };
}
