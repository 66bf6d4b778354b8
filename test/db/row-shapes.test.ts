import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { rowsAsObjects } from '../../src/db/row-shapes';
import { connectionTypes } from '../../src/db/type-parsers';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('rows read as arrays, shaped as objects', () => {
  let db: TestDatabase;
  let client: pg.Client;
  before(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url, types: connectionTypes });
    await client.connect();
  });
  after(async () => {
    await client.end();
    await db.drop();
  });

  /** The same statement read by pg as objects and as arrays shaped here. */
  async function both(text: string): Promise<[unknown[], Record<string, unknown>[]]> {
    const objects = await client.query(text);
    const arrays = await client.query<unknown[]>({ text, rowMode: 'array' });
    return [objects.rows, rowsAsObjects(arrays.fields, arrays.rows)];
  }

  it('gives the objects pg gives: same keys in the same order, same parsed values, later columns of a name winning', async () => {
    const [expected, shaped] = await both(
      `select g as id, 'x' || g as "title", null::text as "gone", timestamptz '2026-03-01 09:30:00.577+01' + g * interval '1 day' as at, g::numeric / 3 as score, 1 as id, '{"a":1}'::jsonb as "details"
         from generate_series(1, 3) g`,
    );
    assert.equal(shaped.length, 3);
    assert.deepEqual(shaped, expected);
    for (let i = 0; i < shaped.length; i++) assert.deepEqual(Object.keys(shaped[i] ?? {}), Object.keys(expected[i] as object));
    assert.equal(shaped[0]?.['id'], 1);
  });

  it('keeps a column named __proto__ as a plain property, never as the prototype, and quotes odd names safely', async () => {
    const [expected, shaped] = await both(`select 1 as "__proto__", 2 as "a""b", 3 as "\`\${x}\`", 4 as "c\\d"`);
    const row = shaped[0] ?? {};
    assert.equal(Object.getPrototypeOf(row), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(row, '__proto__')?.value, 1);
    assert.equal(row['a"b'], 2);
    assert.equal(row['`${x}`'], 3);
    assert.equal(row['c\\d'], 4);
    assert.deepEqual(Object.keys(row), Object.keys(expected[0] as object));
  });

  it('returns no rows for an empty result', async () => {
    const [, shaped] = await both('select 1 as a where false');
    assert.deepEqual(shaped, []);
  });
});
