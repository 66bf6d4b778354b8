import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../src/auth/role';
import { CreateApiKeyDocument, RevokeApiKeyDocument } from './__generated__/graphql';
import { startTestApp, type TestApp } from './support/app';

describe('API keys and roles', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
  });
  after(() => app.close());

  const LIST = '{ syncJobs(first: 1) { edges { cursor } } }';

  it('rejects a request without a key with UNAUTHENTICATED', async () => {
    const res = await app.gql(LIST, {}, { role: null });
    assert.equal(res.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
    assert.match(res.errors?.[0]?.message ?? '', /Authorization: Bearer/);
  });

  it('rejects an unknown key with UNAUTHENTICATED and says so', async () => {
    const res = await app.gql(LIST, {}, { key: 'lg_not-a-real-key' });
    assert.equal(res.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
    assert.match(res.errors?.[0]?.message ?? '', /unknown or revoked/);
  });

  it('lets a reader query but not mutate', async () => {
    const ok = await app.gql(LIST, {}, { role: ApiRole.READER });
    assert.equal(ok.errors, undefined);
    const denied = await app.gql(CreateApiKeyDocument, { input: { name: 'x', role: 'READER' } }, { role: ApiRole.READER });
    assert.equal(denied.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
  });

  it('lets an integrator do integrator things but not manage keys', async () => {
    const denied = await app.gql(CreateApiKeyDocument, { input: { name: 'x', role: 'READER' } }, { role: ApiRole.INTEGRATOR });
    assert.equal(denied.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
  });

  it('lets an admin create a key that works at once and stops working when revoked', async () => {
    const created = await app.gql(CreateApiKeyDocument, { input: { name: 'ci reader', role: 'READER' } });
    assert.equal(created.errors, undefined);
    const { key, apiKey } = created.data!.createApiKey;
    assert.equal(apiKey.role, 'READER');
    assert.equal((await app.gql(LIST, {}, { key })).errors, undefined);

    const revoked = await app.gql(RevokeApiKeyDocument, { id: apiKey.id });
    assert.ok(revoked.data);
    const after = await app.gql(LIST, {}, { key });
    assert.equal(after.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
  });

  it('stores only a hash of each key', async () => {
    const rows = (await app.db.dataSource.query('select key_hash from api_key')) as { key_hash: Buffer }[];
    assert.ok(rows.length >= 3);
    for (const { key_hash } of rows) {
      assert.equal(key_hash.length, 32);
      for (const key of Object.values(app.keys)) assert.ok(!key_hash.toString('utf8').includes(key));
    }
  });
});
