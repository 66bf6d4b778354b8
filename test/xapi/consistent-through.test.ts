import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { lrsClient, statement, type LrsClient } from './lrs-client';

/**
 * A pull that trusts X-Experience-API-Consistent-Through must never skip a statement: while a
 * write is still open its statements are invisible, so the header must not pass its start.
 */
describe('X-Experience-API-Consistent-Through', () => {
  let app: TestApp;
  let lrs: LrsClient;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    lrs = await lrsClient(app);
  });
  after(() => app?.close());

  const through = async (): Promise<Date> => {
    const res = await lrs.request('GET', '/statements?limit=1');
    assert.equal(res.status, 200);
    return new Date(res.headers.get('x-experience-api-consistent-through')!);
  };

  it('is now when no write is open, and the start of the oldest open write otherwise', async () => {
    const before = Date.now();
    const idle = await through();
    assert.ok(idle.getTime() >= before - 1_000 && idle.getTime() <= Date.now() + 1_000, idle.toISOString());

    // A write transaction held open, as a slow batch on another instance would be.
    const runner = app.db.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`set local application_name = 'learngraph-xapi-write'`);
      const [{ started }] = (await runner.query(`select now() as started`)) as [{ started: Date }];
      await new Promise((r) => setTimeout(r, 300));
      const posted = await lrs.request('POST', '/statements', statement());
      assert.equal(posted.status, 200, 'other writes go on meanwhile');
      const held = await through();
      assert.equal(held.getTime(), started.getTime(), 'held back to the open write’s start');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    const released = await through();
    assert.ok(released.getTime() >= Date.now() - 1_000, 'free again once the write ends');
  });

  it('never passes the stored time of a statement that becomes readable later', async () => {
    const res = await lrs.request('POST', '/statements', statement());
    const [id] = (await res.json()) as string[];
    const read = await lrs.request('GET', `/statements?statementId=${id}`);
    const stored = new Date(((await read.json()) as { stored: string }).stored);
    assert.ok(stored.getTime() <= (await through()).getTime());
  });
});
