import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { randomUUID } from 'node:crypto';
import { type LrsClient, lrsClient, statement } from './lrs-client';

describe('xAPI: versions and /about', () => {
  let app: TestApp;
  let lrs: LrsClient;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    lrs = await lrsClient(app);
  });
  after(() => app.close());

  it('serves /about without credentials, naming both versions', async () => {
    const res = await fetch(`${app.url}/xapi/about`);
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as { version: string[] }).version, ['1.0.3', '2.0.0']);
    assert.ok(res.headers.get('x-experience-api-version'));
  });

  it('rejects a request without a version header, or with an unsupported version, with 400', async () => {
    const missing = await lrs.request('GET', '/statements', undefined, { 'X-Experience-API-Version': '' });
    assert.equal(missing.status, 400);
    const future = await lrs.request('GET', '/statements', undefined, { 'X-Experience-API-Version': '1.1.0' });
    assert.equal(future.status, 400);
    assert.match(((await future.json()) as { error: string }).error, /not supported/);
  });

  it('answers in the version family asked for', async () => {
    for (const [asked, answered] of [['1.0', '1.0.3'], ['1.0.1', '1.0.3'], ['2.0.0', '2.0.0']]) {
      const res = await lrs.request('GET', '/statements', undefined, { 'X-Experience-API-Version': asked as string });
      assert.equal(res.status, 200, asked);
      assert.equal(res.headers.get('x-experience-api-version'), answered);
    }
  });

  it('answers 404 for resources it does not serve yet', async () => {
    assert.equal((await lrs.request('GET', '/nothing/here')).status, 404);
  });

  it("names the credential's xAPI version on the 400 for a request that names none", async () => {
    for (const [version, expected] of [['V1_0_3', '1.0.3'], ['V2_0_0', '2.0.0']] as const) {
      const client = await lrsClient(app, 'ALL', version);
      const res = await fetch(`${app.url}/xapi/statements`, { headers: { authorization: `Basic ${Buffer.from(`${client.keyId}:${client.secret}`).toString('base64')}` } });
      assert.equal(res.status, 400);
      assert.equal(res.headers.get('x-experience-api-version'), expected);
    }
  });

  it('takes the 1.0.3 Alternate Request Syntax (method, headers and content in a form) and refuses it in 2.0', async () => {
    const id = randomUUID();
    const form = new URLSearchParams({
      statementId: id,
      content: JSON.stringify(statement()),
      'X-Experience-API-Version': '1.0.3',
      Authorization: `Basic ${Buffer.from(`${lrs.keyId}:${lrs.secret}`).toString('base64')}`,
    });
    const put = await fetch(`${app.url}/xapi/statements?method=PUT`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    assert.equal(put.status, 204, await put.text());
    const get = await lrs.request('POST', '/statements?method=GET', new URLSearchParams({ statementId: id }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(get.status, 200);
    assert.equal(((await get.json()) as { id: string }).id, id);
    const v2 = await lrs.request('POST', '/statements?method=GET', new URLSearchParams({ statementId: id }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      'X-Experience-API-Version': '2.0.0',
    });
    assert.equal(v2.status, 400);
    assert.match(((await v2.json()) as { error: string }).error, /2\.0 removed the alternate request syntax/);
    const notForm = await lrs.request('POST', `/statements?method=PUT&statementId=${randomUUID()}`, statement());
    assert.equal(notForm.status, 400);
  });
});
