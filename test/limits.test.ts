import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../src/auth/role';
import { startTestApp, type TestApp } from './support/app';
import { collect, wsClient } from './support/ws';
import { parse } from 'graphql';

describe('query limits', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0, env: { QUERY_MAX_DEPTH: '6', QUERY_MAX_ALIASES: '3' } });
  });
  after(() => app.close());

  const DEEP = '{ orgs(first: 1) { edges { node { classes(first: 1) { edges { node { enrollments(first: 1) { edges { node { id } } } } } } } } } }';

  it('refuses a query deeper than QUERY_MAX_DEPTH before running it', async () => {
    const res = await app.gql(DEEP);
    assert.equal(res.data, undefined);
    assert.equal(res.errors?.[0]?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED');
    assert.match(res.errors?.[0]?.message ?? '', /depth/i);
    assert.equal(res.extensions?.sqlStatements, 0, 'nothing ran (the API key lookup is cached)');
  });

  it('refuses too many aliases', async () => {
    const res = await app.gql('{ a: syncJobs(first: 1) { totalCount } b: syncJobs(first: 1) { totalCount } c: syncJobs(first: 1) { totalCount } d: syncJobs(first: 1) { totalCount } }');
    assert.equal(res.errors?.[0]?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED');
    assert.match(res.errors?.[0]?.message ?? '', /alias/i);
  });

  it('holds subscriptions to the same limits', async () => {
    const client = wsClient(app.url, app.keys[ApiRole.READER]);
    const deep = 'subscription { syncJobUpdated(id: "U3luY0pvYjox") { id a: id b: id c: id d: id } }';
    const watched = collect(client, parse(deep), {});
    await watched.done;
    await client.dispose();
    assert.match(JSON.stringify(watched.errors), /alias/i);
  });

  it('still answers queries inside the limits', async () => {
    const res = await app.gql('{ syncJobs(first: 1) { totalCount } }');
    assert.deepEqual(res.data, { syncJobs: { totalCount: 0 } });
  });
});
