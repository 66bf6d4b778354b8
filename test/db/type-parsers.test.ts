import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { connectionTypes, parseTimestamptzFast } from '../../src/db/type-parsers';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** Instants written by Postgres in several session time zones, including offsets with seconds (local mean time). */
const ZONES = ['UTC', 'Asia/Kolkata', 'America/St_Johns', 'Europe/Amsterdam', 'Pacific/Kiritimati', 'America/Los_Angeles'];
const INSTANTS = [
  '2026-03-01 09:30:00+00',
  '2026-03-01 09:30:00.5+00',
  '2026-03-01 09:30:00.57+00',
  '2026-03-01 09:30:00.577+00',
  '2026-03-01 09:30:00.999999+00',
  '2026-03-01 09:30:00.000001+00',
  '1999-12-31 23:59:59.123456+00',
  '1850-06-01 12:00:00+00',
  '0101-01-02 00:00:00+00',
  '9999-12-30 23:59:59.999+00',
];

describe('timestamptz type parser', () => {
  let db: TestDatabase;
  let client: pg.Client;
  before(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  after(async () => {
    await client.end();
    await db.drop();
  });

  it("reads every text Postgres writes to the instant Postgres means, to the millisecond, in every session time zone", async () => {
    let checked = 0;
    for (const zone of ZONES) {
      await client.query(`set time zone '${zone}'`);
      const rows = await client.query<{ text: string; ms: string }>({
        text: `select t::text as text, floor(extract(epoch from t) * 1000)::text as ms from unnest($1::timestamptz[]) as t`,
        values: [INSTANTS],
      });
      for (const { text, ms } of rows.rows) {
        const parsed = parseTimestamptzFast(text);
        assert.ok(parsed, `${zone}: "${text}" takes the fast path`);
        assert.equal(parsed.getTime(), Number(ms), `${zone}: "${text}"`);
        checked++;
      }
    }
    assert.equal(checked, ZONES.length * INSTANTS.length);
  });

  it('leaves what it does not know to the general parser', () => {
    for (const text of ['infinity', '-infinity', '2026-03-01 09:30:00+00 BC', '12026-03-01 09:30:00+00', '0050-03-01 09:30:00+00', '2026-03-01', '2026-03-01 09:30:00', '2026-03-01 09:30:00.1234567+00', '2026-03-01 09:30:0x+00', '2026-03-01 09:30:00+5']) {
      assert.equal(parseTimestamptzFast(text), undefined, text);
    }
  });

  it("is what the ORM's connections use", async () => {
    const pool = (db.dataSource.driver as unknown as { master: { options: { types?: unknown } } }).master;
    assert.equal(pool.options.types, connectionTypes);
    const text = `select '2026-03-01 09:30:00.577+00'::timestamptz as t, '-infinity'::timestamptz as neg, null::timestamptz as none`;
    const [row] = (await db.dataSource.query(text)) as { t: Date; neg: number; none: null }[];
    assert.equal(row?.t.toISOString(), '2026-03-01T09:30:00.577Z');
    assert.equal(row?.neg, -Infinity);
    assert.equal(row?.none, null);
  });
});
