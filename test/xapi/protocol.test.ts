import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { type LrsClient, lrsClient } from './lrs-client';

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
});
