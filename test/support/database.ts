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

async function adminQuery(text: string, database = 'postgres'): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(database) });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A connection to a test database as a role of its own with data rights only: it may not switch triggers off. */
export interface PlainRoleConnection {
  readonly dataSource: DataSource;
  /** Closes the connection and drops the role and its grants. */
  close(): Promise<void>;
}

export async function connectAsPlainRole(test: TestDatabase): Promise<PlainRoleConnection> {
  const role = `lg_plain_${randomBytes(5).toString('hex')}`;
  const database = new URL(test.url).pathname.slice(1);
  await adminQuery(`create role ${role} login password '${role}'`);
  await adminQuery(
    `grant usage on schema public to ${role};
     grant select, insert, update, delete on all tables in schema public to ${role};
     grant usage, select, update on all sequences in schema public to ${role}`,
    database,
  );
  const url = new URL(test.url);
  url.username = role;
  url.password = role;
  const dataSource = createDataSource(url.toString(), createLogger('silent'), { poolSize: 2 });
  await dataSource.initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      // Its grants live in the test database: they go first, then the role.
      await adminQuery(`drop owned by ${role}`, database);
      await adminQuery(`drop role ${role}`);
    },
  };
}
