import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { boundaryOf, parseMultipartMixed } from '../../src/xapi/http/multipart-mixed';
import { startTestApp, type TestApp } from '../support/app';
import { type LrsClient, lrsClient, statement } from './lrs-client';

const SAMPLES = path.resolve(__dirname, '../../../../shared/samples/xapi/conformance-suite-v1_0_2-multipart');
const SAMPLE_BOUNDARY = '-------314159265358979323846';
const SIGNATURE = 'http://adlnet.gov/expapi/attachments/signature';

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** A multipart/mixed statements body: the JSON, then each attachment part with its hash. */
function multipart(json: unknown, parts: { contentType: string; data: Buffer; headers?: Record<string, string> }[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = `b-${randomUUID()}`;
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`)];
  for (const p of parts) {
    const head = { 'Content-Type': p.contentType, 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': sha256(p.data), ...p.headers };
    chunks.push(Buffer.from(`--${boundary}\r\n${Object.entries(head).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`), p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/mixed; boundary=${boundary}` } };
}

const attachmentOf = (data: Buffer, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  usageType: 'http://example.org/attachment',
  display: { 'en-US': 'a file' },
  contentType: 'text/plain',
  length: data.length,
  sha2: sha256(data),
  ...over,
});

describe('xAPI: attachments (multipart/mixed) and signed statements', () => {
  let app: TestApp;
  let lrs: LrsClient;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    lrs = await lrsClient(app);
  });
  after(() => app.close());

  const countStatements = async (): Promise<number> => Number(((await app.db.dataSource.query('select count(*)::int as n from xapi_statement')) as { n: number }[])[0]?.n);

  async function readMultipart(res: Response): Promise<{ json: unknown; parts: { headers: Record<string, string>; body: Buffer }[] }> {
    assert.equal(res.status, 200);
    const type = res.headers.get('content-type') ?? '';
    assert.match(type, /^multipart\/mixed; boundary=/);
    const [first, ...parts] = parseMultipartMixed(Buffer.from(await res.arrayBuffer()), boundaryOf(type));
    assert.equal(first?.headers['content-type'], 'application/json');
    return { json: JSON.parse(first?.body.toString('utf8') ?? ''), parts };
  }

  it('stores the sample multipart statement and answers its data with attachments=true', async () => {
    for (const file of ['basic_text_multipart_attachment_valid.part']) {
      const body = readFileSync(path.join(SAMPLES, file));
      const res = await lrs.request('POST', '/statements', body, { 'content-type': `multipart/mixed; boundary=${SAMPLE_BOUNDARY}` });
      assert.equal(res.status, 200, `${file}: ${await res.clone().text()}`);
      const [id] = (await res.json()) as string[];
      const { json, parts } = await readMultipart(await lrs.request('GET', `/statements?statementId=${id}&attachments=true`));
      const sha2 = ((json as { attachments: { sha2: string }[] }).attachments[0] as { sha2: string }).sha2;
      assert.equal(parts.length, 1, file);
      assert.equal(parts[0]?.headers['x-experience-api-hash'], sha2);
      assert.equal(parts[0]?.headers['content-transfer-encoding'], 'binary');
      assert.equal(sha256(parts[0]?.body ?? Buffer.alloc(0)), sha2, `${file}: the bytes come back unchanged`);
    }
    // The image and PDF samples had their line breaks rewritten (to bare CR, to CRLF), inside the
    // binary data too: the parts are still found, but their data no longer matches its hash.
    for (const [file, hash] of [['basic_image_multipart_attachment_valid.part', '4e37e243'], ['basic_pdf_multipart_attachment_valid.part', 'b018994f']]) {
      const res = await lrs.request('POST', '/statements', readFileSync(path.join(SAMPLES, file as string)), { 'content-type': `multipart/mixed; boundary=${SAMPLE_BOUNDARY}` });
      assert.equal(res.status, 400, file);
      assert.match(((await res.json()) as { error: string }).error, new RegExp(`part 2: the data does not match its X-Experience-API-Hash ${hash as string}`));
    }
    // Without attachments=true the answer is plain JSON.
    const plain = await lrs.request('GET', '/statements?limit=1');
    assert.match(plain.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('rejects the invalid sample bodies with 400 and stores none of them', async () => {
    const before = await countStatements();
    const cases: [string, RegExp][] = [
      ['basic_text_multipart_attachment_invalid_content_transfer_encoding.part', /Content-Transfer-Encoding must be binary/],
      ['basic_text_multipart_attachment_invalid_no_content_transfer_encoding.part', /Content-Transfer-Encoding must be binary/],
      ['basic_text_multipart_attachment_invalid_first_part_content_type.part', /part 1 \(the statements\) must have Content-Type application\/json/],
      ['basic_text_multipart_attachment_invalid_first_part_no_boundary.part', /./],
      ['basic_text_multipart_attachment_invalid_no_match_sha2.part', /./],
      ['basic_text_multipart_attachment_invalid_no_x_experience_api_hash.part', /X-Experience-API-Hash header is required/],
      ['basic_text_multipart_attachment_invalid_statement_parts.part', /X-Experience-API-Hash header is required/],
    ];
    for (const [file, message] of cases) {
      const res = await lrs.request('POST', '/statements', readFileSync(path.join(SAMPLES, file)), { 'content-type': `multipart/mixed; boundary=${SAMPLE_BOUNDARY}` });
      assert.equal(res.status, 400, file);
      assert.match(((await res.json()) as { error: string }).error, message, file);
    }
    assert.equal(await countStatements(), before);
  });

  it('checks each part against its hash and each attachment against the parts', async () => {
    const data = Buffer.from('here is a simple attachment');
    const wrongHash = multipart(statement({ attachments: [attachmentOf(data)] }), [{ contentType: 'text/plain', data, headers: { 'X-Experience-API-Hash': sha256('other') } }]);
    const res = await lrs.request('POST', '/statements', wrongHash.body, wrongHash.headers);
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /does not match its X-Experience-API-Hash/);
    // JSON alone cannot carry attachment data: an attachment without fileUrl needs its part.
    const missing = await lrs.request('POST', '/statements', statement({ attachments: [attachmentOf(data)] }));
    assert.equal(missing.status, 400);
    assert.match(((await missing.json()) as { error: string }).error, /has no fileUrl and its data was not sent/);
    const stray = multipart(statement(), [{ contentType: 'text/plain', data }]);
    assert.equal((await lrs.request('POST', '/statements', stray.body, stray.headers)).status, 400);
    // fileUrl attachments need no part; multipart without attachments is fine too.
    const byUrl = multipart(statement({ attachments: [attachmentOf(data, { fileUrl: 'http://example.org/file.txt' })] }), []);
    assert.equal((await lrs.request('POST', '/statements', byUrl.body, byUrl.headers)).status, 200);
  });

  it('PUTs a statement with an attachment as multipart/mixed and serves it in a filtered query', async () => {
    const id = randomUUID();
    const data = Buffer.from([0, 1, 2, 255, 13, 10, 45, 45]);
    const agent = { mbox: `mailto:${id}@example.org` };
    const { body, headers } = multipart(statement({ actor: agent, attachments: [attachmentOf(data, { contentType: 'application/octet-stream' })] }), [{ contentType: 'application/octet-stream', data }]);
    assert.equal((await lrs.request('PUT', `/statements?statementId=${id}`, body, headers)).status, 204);
    const { json, parts } = await readMultipart(await lrs.request('GET', `/statements?agent=${encodeURIComponent(JSON.stringify(agent))}&attachments=true`));
    assert.deepEqual((json as { statements: { id: string }[] }).statements.map((s) => s.id), [id]);
    assert.deepEqual(parts[0]?.body, data);
  });

  describe('signed statements', () => {
    let privateKey: KeyObject;
    before(() => {
      ({ privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 }));
    });

    async function signed(payload: Record<string, unknown>, alg = 'RS256', over: Record<string, unknown> = {}): Promise<{ body: Buffer; headers: Record<string, string>; id: string }> {
      const jose = await import('jose');
      const key = alg.startsWith('HS') ? new Uint8Array(32).fill(7) : privateKey;
      const jws = Buffer.from(await new jose.CompactSign(Buffer.from(JSON.stringify(payload))).setProtectedHeader({ alg }).sign(key));
      const s = { ...payload, attachments: [attachmentOf(jws, { usageType: SIGNATURE, contentType: 'application/octet-stream', ...over })] };
      return { ...multipart(s, [{ contentType: 'application/octet-stream', data: jws }]), id: String(payload['id']) };
    }

    it('accepts RS256, RS384 and RS512 signatures whose payload is the statement, and keeps the JWS', async () => {
      for (const alg of ['RS256', 'RS384', 'RS512']) {
        const { body, headers, id } = await signed(statement({ id: randomUUID(), result: { duration: 'PT1.25S' } }), alg);
        const res = await lrs.request('POST', '/statements', body, headers);
        assert.equal(res.status, 200, `${alg}: ${await res.clone().text()}`);
        const { parts } = await readMultipart(await lrs.request('GET', `/statements?statementId=${id}&attachments=true`));
        assert.equal(parts[0]?.body.toString('utf8').split('.').length, 3, 'the JWS comes back');
      }
    });

    it('rejects other algorithms, payloads that differ, malformed JWS and a wrong content type with 400', async () => {
      const cases: [Promise<{ body: Buffer; headers: Record<string, string> }>, RegExp][] = [
        [signed(statement({ id: randomUUID() }), 'HS256'), /must use RS256, RS384 or RS512/],
        [signed(statement({ id: randomUUID() }), 'RS256', { contentType: 'text/plain' }), /contentType application\/octet-stream/],
      ];
      const payload = statement({ id: randomUUID() });
      const other = await signed(payload);
      // The statement sent says "failed", the signed payload "completed".
      const tampered = Buffer.from(other.body.toString('latin1').replace('verbs/completed', 'verbs/failed'), 'latin1');
      cases.push([Promise.resolve({ body: tampered, headers: other.headers }), /payload differs from the statement/]);
      const garbage = Buffer.from('not.a.jws');
      const broken = multipart({ ...statement(), attachments: [attachmentOf(garbage, { usageType: SIGNATURE, contentType: 'application/octet-stream' })] }, [{ contentType: 'application/octet-stream', data: garbage }]);
      cases.push([Promise.resolve(broken), /is not a JWS in compact serialization/]);
      for (const [request, message] of cases) {
        const { body, headers } = await request;
        const res = await lrs.request('POST', '/statements', body, headers);
        assert.equal(res.status, 400, String(message));
        assert.match(((await res.json()) as { error: string }).error, message);
      }
    });

    it('compares durations to the hundredth of a second only', async () => {
      const payload = statement({ id: randomUUID(), result: { duration: 'P1DT12H36M0.12S' } });
      const { body, headers, id } = await signed(payload);
      const precise = Buffer.from(body.toString('latin1').replace('0.12S', '0.1237S'), 'latin1');
      assert.equal((await lrs.request('POST', '/statements', precise, headers)).status, 200);
      const got = (await (await lrs.request('GET', `/statements?statementId=${id}`)).json()) as { result: { duration: string } };
      assert.equal(got.result.duration, 'P1DT12H36M0.12S', 'stored truncated, never rounded');
    });
  });
});
