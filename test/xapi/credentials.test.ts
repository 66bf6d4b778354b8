import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { startTestApp, type TestApp } from '../support/app';
import { lrsClient, statement, VERSION } from './lrs-client';

describe('xAPI: LRS credentials and basic auth', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
  });
  after(() => app.close());

  it('lets only admins create and list credentials, and lists them without secrets', async () => {
    const denied = await app.gql('mutation { createLrsCredential(input: { name: "x", scope: READ }) { keyId } }', {}, { role: ApiRole.INTEGRATOR });
    assert.equal(denied.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
    const client = await lrsClient(app, 'READ');
    const list = await app.gql<{ lrsCredentials: { keyId: string; scope: string; name: string }[] }, unknown>('{ lrsCredentials { keyId scope name } }');
    assert.deepEqual(list.data?.lrsCredentials.find((c) => c.keyId === client.keyId), { keyId: client.keyId, scope: 'READ', name: 'test READ' });
  });

  it('stores only a SHA-256 of the secret', async () => {
    const client = await lrsClient(app);
    const rows = (await app.db.dataSource.query('select secret_hash from lrs_credential where key_id = $1', [client.keyId])) as { secret_hash: Buffer }[];
    assert.equal(rows[0]?.secret_hash.length, 32);
    assert.ok(!rows[0]?.secret_hash.toString('utf8').includes(client.secret));
  });

  it('answers 401 without credentials or with a wrong secret', async () => {
    const none = await fetch(`${app.url}/xapi/statements`, { headers: VERSION });
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /Basic/);
    const client = await lrsClient(app);
    const wrong = await fetch(`${app.url}/xapi/statements`, {
      headers: { ...VERSION, authorization: `Basic ${Buffer.from(`${client.keyId}:nope`).toString('base64')}` },
    });
    assert.equal(wrong.status, 401);
  });

  it('keeps read credentials from writing and write credentials from reading', async () => {
    const reader = await lrsClient(app, 'READ');
    const writer = await lrsClient(app, 'WRITE');
    assert.equal((await reader.request('POST', '/statements', statement())).status, 403);
    assert.equal((await reader.request('GET', '/statements')).status, 200);
    assert.equal((await writer.request('GET', '/statements')).status, 403);
    assert.equal((await writer.request('POST', '/statements', statement())).status, 200);
  });
});
