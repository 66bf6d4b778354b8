import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'graphql';
import { startRuntime, type Runtime } from '../../src/app/runtime';
import { subjectOf } from '../../src/auth/rate-limit/key-rate-limiter';
import { rowKeyOf } from '../../src/auth/rate-limit/rate-limit-store';
import { ApiRole } from '../../src/auth/role';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import { startTestApp, type TestApp } from '../support/app';
import { collect, wsClient } from '../support/ws';

const POINTS = 3;
const QUERY = '{ orgs(first: 1) { totalCount } }';

describe('per-key rate limits', () => {
  let app: TestApp;
  let second: Runtime;
  const env = { RATE_LIMIT_POINTS: String(POINTS), XAPI_RATE_LIMIT_POINTS: String(POINTS), RATE_LIMIT_DURATION_SECONDS: '60' };

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0, env });
    // A second instance on the same database: budgets are shared through Postgres, so they hold across both.
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: app.db.url, LOG_LEVEL: 'silent', ...env });
    second = await startRuntime(config, createLogger('silent'), {
      http: true,
      workerConcurrency: 0,
      database: { dataSource: app.db.dataSource, url: app.db.url, embedded: false, close: async () => {} },
    });
  });
  after(async () => {
    await second.close();
    await app.close();
  });

  const newKey = async (name: string) => (await app.runtime.services.apiKeys.create(name, ApiRole.READER)).key;
  const post = (base: string, key: string) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query: QUERY }) });

  it('answers 429 with Retry-After and RATE_LIMITED once a key spends its budget; other keys are unaffected', async () => {
    const key = await newKey('busy');
    for (let i = 0; i < POINTS; i++) assert.equal((await post(app.url, key)).status, 200, `request ${i + 1}`);
    const refused = await post(app.url, key);
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    const body = (await refused.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] };
    assert.equal(body.errors[0]?.extensions.code, 'RATE_LIMITED');
    assert.equal(body.errors[0]?.extensions.retryAfterSeconds, retryAfter);
    assert.equal((await post(app.url, await newKey('quiet'))).status, 200);
  });

  it('holds one budget per key across two server instances, overshooting only before the other instance syncs', async () => {
    const key = await newKey('spread');
    for (let i = 0; i < POINTS; i++) assert.equal((await post(app.url, key)).status, 200, `request ${i + 1}`);
    await app.runtime.http!.rateLimits.sync();
    // The other instance has not counted this key yet: it grants until its next sync tells it the shared total.
    assert.equal((await post(second.http!.url, key)).status, 200, 'the fourth request, before the other instance syncs');
    await second.http!.rateLimits.sync();
    assert.equal((await post(second.http!.url, key)).status, 429, 'the other instance, once it knows the shared total');
    assert.equal((await post(app.url, key)).status, 429);
    const rows = (await app.db.dataSource.query(`select points from rate_limit where key = $1`, [rowKeyOf(subjectOf(`Bearer ${key}`, undefined))])) as { points: number }[];
    assert.equal(rows[0]?.points, POINTS + 1, 'the budget is kept in Postgres; refused requests spend nothing');
  });

  it('saves the counts of an instance that stops before its next sync', async () => {
    const key = await newKey('stopping');
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: app.db.url, LOG_LEVEL: 'silent', ...env, RATE_LIMIT_SYNC_MS: '60000' });
    const third = await startRuntime(config, createLogger('silent'), {
      http: true,
      workerConcurrency: 0,
      database: { dataSource: app.db.dataSource, url: app.db.url, embedded: false, close: async () => {} },
    });
    const stored = async () =>
      ((await app.db.dataSource.query(`select points from rate_limit where key = $1`, [rowKeyOf(subjectOf(`Bearer ${key}`, undefined))])) as { points: number }[])[0]?.points;
    try {
      assert.equal((await post(third.http!.url, key)).status, 200);
      assert.equal((await post(third.http!.url, key)).status, 200);
      assert.equal(await stored(), undefined, 'not synced yet');
    } finally {
      await third.close();
    }
    assert.equal(await stored(), 2);
  });

  it('limits graphql-ws operations from the same budget', async () => {
    const key = await newKey('socket');
    assert.equal((await post(app.url, key)).status, 200);
    const client = wsClient(app.url, key);
    try {
      const codes: unknown[] = [];
      for (let i = 0; i < POINTS; i++) {
        const run = collect(client, parse(QUERY), {});
        await run.done;
        codes.push(run.errors.length === 0 ? 'ok' : (run.errors.flat()[0] as { extensions?: { code?: string } }).extensions?.code);
      }
      assert.deepEqual(codes, ['ok', 'ok', 'RATE_LIMITED']);
    } finally {
      await client.dispose();
    }
  });

  it('limits xAPI requests per credential too', async () => {
    const basic = `Basic ${Buffer.from('nobody:wrong').toString('base64')}`;
    const statuses: number[] = [];
    for (let i = 0; i <= POINTS; i++) {
      const res = await fetch(`${app.url}/xapi/statements`, { headers: { authorization: basic, 'x-experience-api-version': '1.0.3' } });
      statuses.push(res.status);
    }
    assert.equal(statuses.filter((s) => s === 429).length, 1, statuses.join(','));
    assert.equal(statuses[POINTS], 429);
  });
});
