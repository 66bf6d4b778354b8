import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { QueryRunner } from 'typeorm';
import { copyRows, type StagingRow } from '../../src/ingest/staging/copy-rows';
import { pgClientOf } from '../../src/ingest/staging/pg-client';
import { createStagingTable } from '../../src/ingest/staging/staging-table';
import { createTestDatabase, type TestDatabase } from '../support/database';

async function* rowsOf(values: readonly (string | null)[][]): AsyncGenerator<StagingRow> {
  for (const [i, v] of values.entries()) yield { line: i + 2, values: v };
}

describe('staging tables and COPY', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.drop());

  async function inTransaction<T>(fn: (qr: QueryRunner) => Promise<T>): Promise<T> {
    const qr = db.dataSource.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      return await fn(qr);
    } finally {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await qr.release();
    }
  }

  it('copies awkward values and reads them back unchanged (empty stays empty, null stays null)', async () => {
    const awkward: (string | null)[] = [
      'tab\there',
      'new\nline',
      'carriage\rreturn\r\n',
      'back\\slash\\',
      '\\N',
      '\\t not a tab',
      'N',
      '',
      null,
      ' spaces around ',
      'Zoë Nguyễn 😀 日本語 \u202e',
      '"quoted", with comma; and semi',
      'x'.repeat(100_000),
    ];
    const back = await inTransaction(async (qr) => {
      await createStagingTable(qr, { table: 'stage_awkward', columns: ['value', 'n'] });
      const copied = await copyRows(qr, { table: 'stage_awkward', columns: ['value', 'n'] }, rowsOf(awkward.map((v, i) => [v, String(i)])));
      assert.equal(copied, awkward.length);
      return (await qr.query('select line, value, n from stage_awkward order by line')) as { line: number; value: string | null; n: string }[];
    });
    assert.deepEqual(
      back.map((r) => r.value),
      awkward,
    );
    assert.deepEqual(
      back.map((r) => r.line),
      awkward.map((_, i) => i + 2),
    );
  });

  it('uses the query runner’s own connection, so COPY is part of its transaction', async () => {
    await inTransaction(async (qr) => {
      const client = await pgClientOf(qr);
      assert.equal(client, (qr as unknown as { databaseConnection: unknown }).databaseConnection);
      const [{ pid }] = (await qr.query('select pg_backend_pid() as pid')) as [{ pid: number }];
      assert.equal((await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid, pid);
    });
  });

  it('drops the staging table at commit and hides it from other sessions', async () => {
    const qr = db.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      await createStagingTable(qr, { table: 'stage_tmp', columns: ['a'] });
      await copyRows(qr, { table: 'stage_tmp', columns: ['a'] }, rowsOf([['x']]));
      const elsewhere = (await db.dataSource.query(`select to_regclass('stage_tmp') as t`)) as [{ t: string | null }];
      assert.equal(elsewhere[0].t, null);
      await qr.commitTransaction();
      const after = (await qr.query(`select to_regclass('pg_temp.stage_tmp') as t`)) as [{ t: string | null }];
      assert.equal(after[0].t, null);
    } finally {
      await qr.release();
    }
  });

  it('refuses to create a staging table outside a transaction (it would vanish at once)', async () => {
    const qr = db.dataSource.createQueryRunner();
    try {
      await assert.rejects(createStagingTable(qr, { table: 'stage_x', columns: ['a'] }), /inside the import transaction/);
      await assert.rejects(
        inTransaction((t) => createStagingTable(t, { table: 'stage_x', columns: ['line'] })),
        /reserved/,
      );
    } finally {
      await qr.release();
    }
  });

  it('leaves out a value Postgres cannot hold (NUL) through the callback, copying the rest', async () => {
    const left: number[] = [];
    const rows = await inTransaction(async (qr) => {
      await createStagingTable(qr, { table: 'stage_nul', columns: ['a'] });
      const copied = await copyRows(qr, { table: 'stage_nul', columns: ['a'] }, rowsOf([['ok'], ['bad\0'], ['fine']]), {
        onUnencodable: (row) => left.push(row.line),
      });
      assert.equal(copied, 2);
      return (await qr.query('select line, a from stage_nul order by line')) as { line: number; a: string }[];
    });
    assert.deepEqual(left, [3]);
    assert.deepEqual(rows, [
      { line: 2, a: 'ok' },
      { line: 4, a: 'fine' },
    ]);
  });

  it('stops on abort mid-stream and leaves the transaction to roll back', async () => {
    const controller = new AbortController();
    let produced = 0;
    async function* endless(): AsyncGenerator<StagingRow> {
      for (;;) {
        produced++;
        if (produced === 20_000) controller.abort(new Error('cancelled by test'));
        yield { line: produced + 1, values: [`row ${produced}`] };
      }
    }
    await inTransaction(async (qr) => {
      await createStagingTable(qr, { table: 'stage_abort', columns: ['a'] });
      await assert.rejects(copyRows(qr, { table: 'stage_abort', columns: ['a'] }, endless(), { signal: controller.signal }), /cancelled by test|aborted/);
    });
    assert.ok(produced < 40_000, `stopped soon after the abort (${produced} rows produced)`);
    // The connection went back to the pool in a usable state.
    assert.deepEqual(await db.dataSource.query('select 1 as ok'), [{ ok: 1 }]);
  });
});
