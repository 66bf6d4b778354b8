import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { redactVariables } from '../../src/auth/audit/redact';
import { ApiRole } from '../../src/auth/role';
import { AUTH, errorCode, ok, statements } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';
import { testSecretsKey } from '../support/sources';

interface Entry {
  apiKeyId: string | null;
  keyName: string | null;
  operationName: string | null;
  fields: string[];
  variables: Record<string, unknown>;
  outcome: string;
  durationMs: number;
  at: string;
}
const AUDIT = `query($first: Int, $after: String, $filter: AuditLogFilter) { auditLog(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor } nodes { apiKeyId keyName operationName fields variables outcome durationMs at } } }`;
const CREATE_KEY = `mutation MakeKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }`;
const PASSWORD = 'pw-audit-secret-987';

describe('audit log of mutations', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0, env: { SECRETS_KEY: testSecretsKey() } });
  });
  after(() => app.close());

  const audit = async (filter: Record<string, unknown> = {}, first = 20) => ok(await app.gql<{ auditLog: { totalCount: number; nodes: Entry[] } }, unknown>(AUDIT, { first, filter })).auditLog;

  it('records a successful and a refused mutation with who, what, when and outcome', async () => {
    const before = Date.now();
    const made = await app.gql(CREATE_KEY, { input: { name: 'audited', role: 'READER' } });
    assert.equal(made.errors, undefined);
    assert.equal(statements(made), AUTH + 3, "TypeORM's save (begin, insert, commit): the audit row is not the request's work");
    const refused = await app.gql(CREATE_KEY, { input: { name: 'sneaky', role: 'ADMIN' } }, { role: ApiRole.READER });
    assert.equal(errorCode(refused), 'FORBIDDEN');

    const { nodes } = await audit({ field: 'createApiKey' });
    assert.equal(nodes.length, 2);
    const [last, first] = nodes as [Entry, Entry];
    assert.deepEqual(
      { keyName: first.keyName, operationName: first.operationName, fields: first.fields, variables: first.variables, outcome: first.outcome },
      { keyName: 'test admin', operationName: 'MakeKey', fields: ['createApiKey'], variables: { input: { name: 'audited', role: 'READER' } }, outcome: 'ok' },
    );
    assert.deepEqual([last.keyName, last.outcome], ['test reader', 'FORBIDDEN']);
    assert.ok(first.apiKeyId && last.apiKeyId && first.apiKeyId !== last.apiKeyId);
    for (const e of nodes) {
      assert.ok(Date.parse(e.at) >= before - 1000 && Date.parse(e.at) <= Date.now() + 1000);
      assert.ok(e.durationMs >= 0);
    }
    const forbidden = await audit({ outcome: 'FORBIDDEN' });
    assert.ok(forbidden.nodes.every((n) => n.outcome === 'FORBIDDEN') && forbidden.totalCount >= 1);
  });

  it('records mutations refused before they ran (no key, invalid input) and leaves queries out', async () => {
    const anonymous = await app.gql(CREATE_KEY, { input: { name: 'x', role: 'READER' } }, { role: null });
    assert.equal(errorCode(anonymous), 'UNAUTHENTICATED');
    const invalid = await app.gql(`mutation Broken { createApiKey(input: { name: "x", role: NOPE }) { key } }`);
    assert.equal(errorCode(invalid), 'GRAPHQL_VALIDATION_FAILED');
    const { nodes } = await audit({}, 2);
    assert.deepEqual(
      nodes.map((n) => [n.operationName, n.keyName, n.outcome]),
      [
        ['Broken', 'test admin', 'GRAPHQL_VALIDATION_FAILED'],
        ['MakeKey', null, 'UNAUTHENTICATED'],
      ],
    );
    const total = (await audit()).totalCount;
    await app.gql('{ apiKeys { id } }');
    assert.equal((await audit()).totalCount, total, 'queries are not audited');
  });

  it('never stores a source password, private key or secret, only that one was sent', async () => {
    const res = await app.gql(
      `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`,
      { input: { name: 'audited sftp', kind: 'SFTP', format: 'LMS', host: '127.0.0.1', port: 2222, username: 'lms', password: PASSWORD, folder: '/in' } },
      { role: ApiRole.INTEGRATOR },
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const rows = (await app.db.dataSource.query(`select variables::text as v, outcome from audit_log where 'createSource' = any(fields)`)) as { v: string; outcome: string }[];
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.outcome, 'ok');
    assert.ok(!rows[0]!.v.includes(PASSWORD), rows[0]!.v);
    assert.equal((JSON.parse(rows[0]!.v) as { input: Record<string, unknown> }).input['password'], '[redacted]');
    assert.equal((JSON.parse(rows[0]!.v) as { input: Record<string, unknown> }).input['username'], 'lms');
  });

  it('redacts secrets by name at any depth, and uploads', () => {
    const upload = { promise: Promise.resolve(), file: {} };
    void upload.promise;
    assert.deepEqual(
      redactVariables({ input: { host: 'h', privateKey: '-----BEGIN', privateKeyPassphrase: 'p', sources: [{ clientSecret: 's', password: null }], upload } }),
      { input: { host: 'h', privateKey: '[redacted]', privateKeyPassphrase: '[redacted]', sources: [{ clientSecret: '[redacted]', password: null }], upload: '[upload]' } },
    );
  });

  it('is for admins only', async () => {
    for (const role of [ApiRole.READER, ApiRole.INTEGRATOR]) {
      const res = await app.gql(AUDIT, { first: 1 }, { role });
      assert.equal(errorCode(res), 'FORBIDDEN', role);
    }
  });

  it('pages newest first with keyset cursors', async () => {
    const page1 = ok(await app.gql<{ auditLog: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Entry[] } }, unknown>(AUDIT, { first: 2 })).auditLog;
    assert.equal(page1.nodes.length, 2);
    assert.ok(page1.pageInfo.hasNextPage);
    const page2 = ok(await app.gql<{ auditLog: { nodes: Entry[] } }, unknown>(AUDIT, { first: 2, after: page1.pageInfo.endCursor })).auditLog;
    const all = ok(await app.gql<{ auditLog: { nodes: Entry[] } }, unknown>(AUDIT, { first: 4 })).auditLog;
    assert.deepEqual([...page1.nodes, ...page2.nodes].map((n) => n.at + n.operationName), all.nodes.map((n) => n.at + n.operationName));
  });
});
