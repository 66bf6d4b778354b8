import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApplyContext } from '../../src/ims/apply/apply-context';
import { createWorkingTables } from '../../src/ims/apply/working-tables';
import { resolveImsOptions } from '../../src/ims/options/ims-options';
import { IMS_STAGING } from '../../src/ims/stage/staging-layout';
import { createStagingTable } from '../../src/ingest/staging/staging-table';
import { startTestApp, type TestApp } from '../support/app';

/**
 * The import joins its key tables with the roster's "C" keys (`roster_user.sourced_id`,
 * `class.sourced_id`, `user_identifier.normalized`) and with its links. An index serves only
 * comparisons in its own collation, so these assert that each side's index can serve the
 * comparison with the other: with sequential scans off, a lookup by a key of the other table
 * must go through the index, not scan.
 */
describe('IMS key tables compare in the collation of the roster keys', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await app.close();
  });

  /** Runs `check` inside an import-like transaction with the working tables made from an empty file. */
  async function withWorkingTables(check: (query: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<void>): Promise<void> {
    const qr = app.db.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      await createStagingTable(qr, IMS_STAGING);
      await createWorkingTables(new ApplyContext(qr, resolveImsOptions({}), null, new AbortController().signal));
      await qr.query(`set local enable_seqscan = off`);
      await check(async (sql) => (await qr.query(sql)) as Record<string, unknown>[]);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  }

  const plan = async (query: (sql: string) => Promise<Record<string, unknown>[]>, sql: string): Promise<string> =>
    (await query(`explain ${sql}`)).map((r) => String(r['QUERY PLAN'])).join('\n');

  it('keeps the keys of the working tables and the links in "C"', async () => {
    await withWorkingTables(async (query) => {
      const rows = await query(
        `select c.relname || '.' || a.attname as col, co.collname from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_collation co on co.oid = a.attcollation
          where (c.relname in ('ims_person_keys', 'ims_group_keys', 'ims_persons', 'ims_groups') and c.relpersistence = 't' and a.attname = 'key')
             or (c.relname in ('ims_person_link', 'ims_group_link') and a.attname = 'sourced_id')
          order by 1`,
      );
      assert.deepEqual(
        rows.map((r) => `${String(r['col'])} ${String(r['collname'])}`),
        ['ims_group_keys.key C', 'ims_group_link.sourced_id C', 'ims_groups.key C', 'ims_person_keys.key C', 'ims_person_link.sourced_id C', 'ims_persons.key C'],
      );
    });
  });

  it('looks a roster sourcedId up in the key tables through their primary keys', async () => {
    await withWorkingTables(async (query) => {
      const persons = await plan(query, `select * from ims_person_keys k where k.key = (select u.sourced_id from roster_user u limit 1)`);
      assert.match(persons, /Scan (using|on) ims_person_keys_pkey/, persons);
      const groups = await plan(query, `select * from ims_group_keys k where k.key = (select c.sourced_id from class c limit 1)`);
      assert.match(groups, /Scan (using|on) ims_group_keys_pkey/, groups);
      const identifiers = await plan(query, `select * from ims_person_keys k where k.key = (select i.normalized from user_identifier i limit 1)`);
      assert.match(identifiers, /Scan (using|on) ims_person_keys_pkey/, identifiers);
    });
  });

  it('looks a key up in the links through their (system, sourced_id) index', async () => {
    await withWorkingTables(async (query) => {
      const persons = await plan(query, `select * from ims_person_link l where l.system = 'ims' and l.sourced_id = (select k.key from ims_person_keys k limit 1)`);
      assert.match(persons, /Scan (using|on) ims_person_link_key/, persons);
      const groups = await plan(query, `select * from ims_group_link l where l.system = 'ims' and l.sourced_id = (select k.key from ims_group_keys k limit 1)`);
      assert.match(groups, /Scan (using|on) ims_group_link_key/, groups);
    });
  });
});
