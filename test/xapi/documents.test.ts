import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { type LrsClient, lrsClient } from './lrs-client';

describe('xAPI: state, activity profile and agent profile documents', () => {
  let app: TestApp;
  let lrs: LrsClient;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    lrs = await lrsClient(app);
  });
  after(() => app.close());

  const agent = encodeURIComponent(JSON.stringify({ mbox: 'mailto:doc@example.org' }));
  const activity = encodeURIComponent('http://example.org/activity/doc');
  const json = { 'content-type': 'application/json' };

  it('stores, reads, lists, merges and deletes state documents', async () => {
    const registration = randomUUID();
    const base = `/activities/state?activityId=${activity}&agent=${agent}&registration=${registration}`;
    assert.equal((await lrs.request('PUT', `${base}&stateId=s1`, { a: 1 }, json)).status, 204);
    assert.equal((await lrs.request('POST', `${base}&stateId=s1`, { b: 2 }, json)).status, 204);
    const got = await lrs.request('GET', `${base}&stateId=s1`);
    assert.equal(got.status, 200);
    assert.ok(got.headers.get('etag'));
    assert.ok(got.headers.get('last-modified'));
    assert.deepEqual(await got.json(), { a: 1, b: 2 });
    await lrs.request('PUT', `${base}&stateId=s2`, 'plain text', { 'content-type': 'text/plain' });
    assert.equal(await (await lrs.request('GET', `${base}&stateId=s2`)).text(), 'plain text');
    assert.deepEqual(await (await lrs.request('GET', base)).json(), ['s1', 's2']);
    // Another registration is another set of documents.
    assert.deepEqual(await (await lrs.request('GET', `/activities/state?activityId=${activity}&agent=${agent}`)).json(), []);
    assert.equal((await lrs.request('POST', `${base}&stateId=s2`, { c: 3 }, json)).status, 400, 'cannot merge into text');
    assert.equal((await lrs.request('DELETE', base)).status, 204);
    assert.equal((await lrs.request('GET', `${base}&stateId=s1`)).status, 404);
  });

  it('rejects document requests without their required parameters', async () => {
    assert.equal((await lrs.request('GET', `/activities/state?activityId=${activity}`)).status, 400);
    assert.equal((await lrs.request('GET', `/activities/state?agent=${agent}`)).status, 400);
    assert.equal((await lrs.request('PUT', `/activities/profile?activityId=${activity}`, { a: 1 }, json)).status, 400);
    assert.equal((await lrs.request('GET', `/agents/profile?agent=${encodeURIComponent('{"name":"x"}')}`)).status, 400);
  });

  it('applies ETag concurrency to profiles: 409 without a precondition, 412 when it fails', async () => {
    for (const base of [`/activities/profile?activityId=${activity}&profileId=p`, `/agents/profile?agent=${agent}&profileId=p`]) {
      assert.equal((await lrs.request('PUT', base, { v: 1 }, { ...json, 'if-none-match': '*' })).status, 204);
      assert.equal((await lrs.request('PUT', base, { v: 2 }, { ...json, 'if-none-match': '*' })).status, 412);
      assert.equal((await lrs.request('PUT', base, { v: 2 }, json)).status, 409);
      const etag = (await lrs.request('GET', base)).headers.get('etag') as string;
      assert.equal((await lrs.request('PUT', base, { v: 2 }, { ...json, 'if-match': '"stale"' })).status, 412);
      assert.equal((await lrs.request('PUT', base, { v: 2 }, { ...json, 'if-match': etag })).status, 204);
      assert.deepEqual(await (await lrs.request('GET', base)).json(), { v: 2 });
      assert.equal((await lrs.request('DELETE', base, undefined, { 'if-match': etag })).status, 412, 'the etag changed');
      assert.equal((await lrs.request('DELETE', base)).status, 204);
      assert.equal((await lrs.request('GET', base)).status, 404);
    }
  });

  it('asks 2.0 clients for a precondition before overwriting state, and 1.0.3 clients before any profile PUT', async () => {
    const base = `/activities/state?activityId=${activity}&agent=${agent}&stateId=${randomUUID()}`;
    const V2 = { ...json, 'X-Experience-API-Version': '2.0.0' };
    assert.equal((await lrs.request('PUT', base, { v: 1 }, V2)).status, 204);
    const conflict = await lrs.request('PUT', base, { v: 2 }, V2);
    assert.equal(conflict.status, 409);
    assert.match(((await conflict.json()) as { error: string }).error, /If-Match/);
    assert.deepEqual(await (await lrs.request('GET', base)).json(), { v: 1 });
    // 1.0.3 state documents may be overwritten without one.
    assert.equal((await lrs.request('PUT', base, { v: 3 }, json)).status, 204);
    const etag = (await lrs.request('GET', base)).headers.get('etag') ?? '';
    assert.equal((await lrs.request('PUT', base, { v: 4 }, { ...V2, 'If-Match': etag })).status, 204);
    const profile = `/activities/profile?activityId=${activity}&profileId=${randomUUID()}`;
    const bare = await lrs.request('PUT', profile, { p: 1 }, json);
    assert.equal(bare.status, 400);
    assert.equal((await lrs.request('PUT', profile, { p: 1 }, V2)).status, 204, '2.0 creates without a precondition');
  });
});

describe('xAPI: /activities and /agents', () => {
  let app: TestApp;
  let lrs: LrsClient;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    lrs = await lrsClient(app);
  });
  after(() => app.close());

  it('serves the newest definition of an activity, or its id alone', async () => {
    const id = 'http://example.org/activity/defined';
    const definition = { name: { 'en-US': 'Fire safety' } };
    await lrs.request('POST', '/statements', { actor: { mbox: 'mailto:a@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id, definition } });
    assert.deepEqual(await (await lrs.request('GET', `/activities?activityId=${encodeURIComponent(id)}`)).json(), { objectType: 'Activity', id, definition });
    assert.deepEqual(await (await lrs.request('GET', '/activities?activityId=http%3A%2F%2Fexample.org%2Funknown')).json(), { objectType: 'Activity', id: 'http://example.org/unknown' });
    assert.equal((await lrs.request('GET', '/activities')).status, 400);
  });

  it('serves a Person for an agent', async () => {
    const res = await lrs.request('GET', `/agents?agent=${encodeURIComponent(JSON.stringify({ name: 'Ann', mbox: 'mailto:ann@example.org' }))}`);
    assert.deepEqual(await res.json(), { objectType: 'Person', name: ['Ann'], mbox: ['mailto:ann@example.org'] });
    assert.equal((await lrs.request('GET', '/agents?agent=%7B%7D')).status, 400);
  });
});
