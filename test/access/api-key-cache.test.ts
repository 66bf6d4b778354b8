import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { ApiKeyCache } from '../../src/auth/api-key-cache';
import { ApiKeyService } from '../../src/auth/api-key.service';
import { ApiRole } from '../../src/auth/role';
import { errorCode, ok, statements } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';

const QUERY = '{ orgs(first: 1) { edges { cursor } } }';

describe('API key lookup cache', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0, env: { API_KEY_CACHE_SECONDS: '1' } });
  });
  after(() => app.close());

  // Made by another instance's service: this server has never seen it.
  const foreignKey = async (name: string) => (await new ApiKeyService(app.db.dataSource).create(name, ApiRole.READER)).key;

  it('looks a key up once, then serves it from memory: one statement fewer per request', async () => {
    const key = await foreignKey('cold');
    const first = await app.gql(QUERY, {}, { key });
    const second = await app.gql(QUERY, {}, { key });
    ok(first);
    ok(second);
    assert.equal(statements(first), statements(second) + 1);
  });

  it('forgets a key revoked on this instance at once', async () => {
    const created = ok(await app.gql<{ createApiKey: { key: string; apiKey: { id: string } } }, unknown>(
      `mutation { createApiKey(input: { name: "short-lived", role: READER }) { key apiKey { id } } }`,
    )).createApiKey;
    ok(await app.gql(QUERY, {}, { key: created.key }));
    ok(await app.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: created.apiKey.id }));
    assert.equal(errorCode(await app.gql(QUERY, {}, { key: created.key })), 'UNAUTHENTICATED');
  });

  it('honours a revocation made elsewhere once the cache window (API_KEY_CACHE_SECONDS) has passed', async () => {
    const key = await foreignKey('revoked elsewhere');
    ok(await app.gql(QUERY, {}, { key }));
    await app.db.dataSource.query(`update api_key set revoked_at = now() where key_hash = $1`, [createHash('sha256').update(key).digest()]);
    ok(await app.gql(QUERY, {}, { key }));
    await sleep(1_100);
    assert.equal(errorCode(await app.gql(QUERY, {}, { key })), 'UNAUTHENTICATED');
  });

  it('is bounded: the oldest entry makes room', () => {
    const cache = new ApiKeyCache(60_000, 2);
    const h = (s: string) => createHash('sha256').update(s).digest();
    const viewer = (keyId: string) => ({ keyId, name: keyId, role: ApiRole.READER, scope: null });
    cache.set(h('a'), viewer('a'));
    cache.set(h('b'), viewer('b'));
    cache.set(h('c'), null);
    assert.equal(cache.get(h('a')), undefined);
    assert.equal(cache.get(h('b'))?.keyId, 'b');
    assert.equal(cache.get(h('c')), null, 'unknown keys are remembered as unknown');
  });
});
