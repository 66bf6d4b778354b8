import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDataSource } from '../../src/db/data-source';
import { queryPrepared } from '../../src/db/prepared';
import { currentStatementCount, enterStatementCounter } from '../../src/db/query-counter';
import { createLogger } from '../../src/shared/logger';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('prepared reads', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db.drop();
  });

  const readSessions = async (): Promise<number> => {
    const rows = (await db.dataSource.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'learngraph-reads'`)) as { n: number }[];
    return rows[0]?.n ?? -1;
  };

  it('runs a generic-plan read on its own sessions, which keep cached generic plans, and counts it', async () => {
    enterStatementCounter();
    const rows = (await queryPrepared(db.dataSource, `select current_setting('plan_cache_mode') as mode, current_setting('application_name') as app, $1::int as n`, [7], 'generic')) as Record<string, unknown>[];
    assert.deepEqual(rows, [{ mode: 'force_generic_plan', app: 'learngraph-reads', n: 7 }]);
    assert.equal(currentStatementCount(), 1);
  });

  it("leaves every other statement on the ORM's sessions with Postgres' own plan choice", async () => {
    const auto = (await queryPrepared(db.dataSource, `select current_setting('plan_cache_mode') as mode, $1::int as n`, [1])) as Record<string, unknown>[];
    assert.deepEqual(auto, [{ mode: 'auto', n: 1 }]);
    const plain = (await db.dataSource.query(`select current_setting('plan_cache_mode') as mode`)) as Record<string, unknown>[];
    assert.deepEqual(plain, [{ mode: 'auto' }]);
  });

  it("reads inside a transaction on the transaction's connection, so it sees its own writes", async () => {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`insert into learning_item (system, kind, source_key, name) values ('t', 'COURSE', 'c-1', 'Unsaved course')`);
      const inside = (await queryPrepared(runner, `select name from learning_item where system = $1`, ['t'], 'generic')) as Record<string, unknown>[];
      assert.deepEqual(inside, [{ name: 'Unsaved course' }]);
      const outside = (await queryPrepared(db.dataSource, `select name from learning_item where system = $1`, ['t'], 'generic')) as Record<string, unknown>[];
      assert.deepEqual(outside, []);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('closes its sessions with the data source', async () => {
    assert.ok((await readSessions()) >= 1);
    const other = createDataSource(db.url, createLogger('silent'), { poolSize: 2 });
    await other.initialize();
    await queryPrepared(other, 'select $1::int as n', [1], 'generic');
    const before = await readSessions();
    await other.destroy();
    // A backend leaves pg_stat_activity a moment after its client hangs up.
    let now = await readSessions();
    for (let i = 0; i < 50 && now !== before - 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      now = await readSessions();
    }
    assert.equal(now, before - 1);
  });
});
