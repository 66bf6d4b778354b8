import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { startTestApp, type TestApp } from '../support/app';

describe('GraphQL over HTTP', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
  });
  after(() => app.close());

  it('answers without an ETag (no response body is hashed) and without x-powered-by', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.keys[ApiRole.READER]}` },
      body: JSON.stringify({ query: '{ syncJobs(first: 1) { totalCount } }' }),
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { data: { syncJobs: { totalCount: 0 } } });
    assert.equal(res.headers.get('etag'), null);
    assert.equal(res.headers.get('x-powered-by'), null);
  });

  it('leaves other routes as they were: the health check still gets an ETag', async () => {
    const res = await fetch(`${app.url}/healthz`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('etag') ?? '', /^W\//);
  });
});
