import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { schemaDiff } from '../src/db/schema-diff';
import { createLogger } from '../src/shared/logger';
import { migrations } from '../migrations';
import { urlFor } from './support/database';

describe('migrations', () => {
  const name = `lg_empty_${randomBytes(5).toString('hex')}`;
  let ds: DataSource;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: urlFor('postgres') });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };

  before(async () => {
    await admin(`create database "${name}"`);
    ds = createDataSource(urlFor(name), createLogger('silent'), { poolSize: 1 });
    await ds.initialize();
  });
  after(async () => {
    await ds.destroy();
    await admin(`drop database "${name}" with (force)`);
  });

  it('apply to an empty database, in order, each once', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    assert.equal(applied.length, migrations.length);
    assert.equal(await ds.showMigrations(), false);
    assert.deepEqual(await ds.runMigrations(), []);
  });

  it('leave nothing for the entities to add (no synchronize, no drift)', async () => {
    const diff = await schemaDiff(ds);
    assert.deepEqual(diff.up, [], `entities and migrations differ; run npm run migration:generate -- <Name>:\n${diff.up.join('\n')}`);
  });

  it('leave a tenth of each page free in the roster tables a delta updates row by row', async () => {
    const rows = (await ds.query(
      `select relname, reloptions from pg_class where relname in ('enrollment', 'roster_user', 'role', 'demographics', 'class') order by relname`,
    )) as { relname: string; reloptions: string[] | null }[];
    assert.deepEqual(
      rows.map((r) => [r.relname, r.reloptions]),
      [['class', null], ['demographics', ['fillfactor=90']], ['enrollment', ['fillfactor=90']], ['role', ['fillfactor=90']], ['roster_user', ['fillfactor=90']]],
    );
  });

  it('can be reverted to empty and applied again', async () => {
    for (let i = 0; i < migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const tables = (await ds.query(
      `select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'typeorm_migrations'`,
    )) as unknown[];
    assert.deepEqual(tables, []);
    assert.equal((await ds.runMigrations({ transaction: 'each' })).length, migrations.length);
  });
});
