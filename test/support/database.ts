import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';
import { createLogger } from '../../src/shared/logger';
import { TEMPLATE_DATABASE } from './constants';

export interface TestDatabase {
  readonly url: string;
  readonly dataSource: DataSource;
  /** Closes the data source and drops the database. */
  drop(): Promise<void>;
}

export function testServerUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('Run the tests with `npm test`, which starts Postgres and sets TEST_DATABASE_URL');
  return url;
}

export function urlFor(database: string): string {
  const u = new URL(testServerUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, migrated database cloned from the template: cheap, isolated per test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `lg_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database "${name}" template "${TEMPLATE_DATABASE}"`);
  const url = urlFor(name);
  const dataSource = createDataSource(url, createLogger('silent'));
  await dataSource.initialize();
  return {
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await adminQuery(`drop database if exists "${name}" with (force)`);
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
