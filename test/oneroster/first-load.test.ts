import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { ProgressReporter } from '../../src/jobs/progress-reporter';
import { SyncJobEntity } from '../../src/jobs/sync-job.entity';
import { importOneRoster, type OneRosterImportResult } from '../../src/roster/oneroster/importer';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { district12, type FileFixture, type Row } from './fixtures';
import { richPackage12 } from './rich-package';
import { rosterSnapshot } from './roster-snapshot';

const TABLES = ['org', 'academic_session', 'course', 'class', 'class_term', 'roster_user', 'user_identifier', 'agent', 'user_profile', 'role', 'demographics', 'enrollment'];
const ALL_FILES = ['academicSessions', 'orgs', 'courses', 'classes', 'users', 'userProfiles', 'roles', 'demographics', 'enrollments', 'class_term', 'user_identifier', 'agent'];

interface Run {
  readonly result: OneRosterImportResult;
  readonly firstLoad: string[];
  readonly issues: string[];
}

/** One user profile: every file of the packages below is loaded (and replaces what the rich package left). */
const PROFILE: FileFixture = { mode: 'bulk', rows: [{ sourcedId: 'pa', userSourcedId: 'u1', profileType: 'lms', vendorId: 'acme', credentialType: 'password', username: 'ada' }] };

/** Enrollments the fixture district's classes and users resolve. */
const ENROLLMENTS: readonly Row[] = [
  { sourcedId: 'e1', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u1', role: 'student', beginDate: '2024-09-01' },
  { sourcedId: 'e2', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u2', role: 'student' },
  { sourcedId: 'e3', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 't9', role: 'teacher', primary: 'true' },
];

/** A package with a row the checks reject (an enrollment naming no class), so both paths report it. */
const withProblem = (): string =>
  district12({
    userProfiles: PROFILE,
    enrollments: { mode: 'bulk', rows: [...ENROLLMENTS, { sourcedId: 'e9', classSourcedId: 'nope', schoolSourcedId: 's1', userSourcedId: 'u1', role: 'student' }] },
  });

/**
 * A system's first import into a table is applied with plain inserts (and, into an empty table,
 * with the secondary indexes rebuilt after); every other import upserts. Both must leave the
 * same rows, report the same problems and count the same.
 */
describe('OneRoster first import of a system', () => {
  let test: TestDatabase;
  let db: DataSource;
  const others: pg.Client[] = [];
  beforeEach(async () => {
    test = await createTestDatabase();
    db = test.dataSource;
  });
  afterEach(async () => {
    for (const client of others.splice(0)) await client.end().catch(() => {});
    await test.drop();
  });

  const run = async (path: string, system: string, options: { dryRun?: boolean; force?: boolean } = {}): Promise<Run> => {
    const repo = db.getRepository(SyncJobEntity);
    const job = await repo.save(repo.create({ kind: 'oneroster', sourceLabel: system, params: { system }, status: 'RUNNING' }));
    const progress = new ProgressReporter(db, job.id, () => {});
    let result: OneRosterImportResult;
    try {
      result = await importOneRoster(
        db,
        job.id,
        { path, strictness: 'STRICT', dryRun: options.dryRun ?? false, force: options.force ?? false, deleteThreshold: 0.2, system, label: system },
        progress,
        new AbortController().signal,
      );
    } finally {
      await progress.flush();
    }
    const [row] = (await db.query(`select result from sync_job where id = $1`, [job.id])) as { result: { firstLoad?: string[] } }[];
    const issues = (await db.query(`select severity, code, file, line, "column", message, record_key from sync_job_issue where job_id = $1 order by file, line, code`, [job.id])) as Record<string, unknown>[];
    return { result, firstLoad: [...(row?.result.firstLoad ?? [])].sort(), issues: issues.map((i) => JSON.stringify(i)) };
  };

  /** Every index of the roster tables: its definition and its oid (a rebuilt index has a new one). */
  const indexes = async (): Promise<Map<string, { definition: string; oid: number; primary: boolean }>> => {
    const rows = (await db.query(
      `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition, i.indexrelid::int as oid, i.indisprimary as primary
         from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = any($1::regclass[])`,
      [TABLES],
    )) as { name: string; definition: string; oid: number; primary: boolean }[];
    return new Map(rows.map((r) => [r.name, { definition: r.definition, oid: r.oid, primary: r.primary }]));
  };
  const definitions = (m: Map<string, { definition: string }>): string[] => [...m.values()].map((i) => i.definition).sort();

  it('leaves the same rows, problems and counts as an import over existing records, with the indexes rebuilt as they were', async () => {
    const before = await indexes();
    const pkg = withProblem();

    const dry = await run(pkg, 'dry', { dryRun: true });
    assert.deepEqual(dry.firstLoad, [...ALL_FILES].sort(), 'a dry run reports the first load it would do');
    assert.deepEqual(await indexes(), before, 'a dry run rolls the index rebuild back');

    const first = await run(pkg, 'first');
    assert.deepEqual(first.firstLoad, [...ALL_FILES].sort(), 'every file and link table went in as a first load');
    const after = await indexes();
    assert.deepEqual(definitions(after), definitions(before), 'the same indexes, defined as the migrations made them');
    assert.notEqual(after.get('enrollment_class_idx')?.oid, before.get('enrollment_class_idx')?.oid, 'the secondary indexes were rebuilt');
    for (const [name, index] of before) if (index.primary) assert.equal(after.get(name)?.oid, index.oid, `${name}: primary keys stay`);
    assert.deepEqual(dry.result.entities, first.result.entities, 'a dry run counts what the import does');
    assert.equal(first.result.entities['enrollments']?.rejected, 1);
    assert.equal(first.result.entities['enrollments']?.added, 3);
    assert.deepEqual(dry.issues, first.issues);

    // Another system's records are already there: plain inserts with the indexes in place.
    const other = await run(richPackage12(), 'general');
    assert.ok(other.firstLoad.includes('enrollments'));
    assert.deepEqual(await indexes(), after, 'a table holding rows keeps its indexes');
    // Over those records (overlapping sourcedIds, others to delete): the general path.
    const general = await run(pkg, 'general', { force: true });
    assert.deepEqual(general.firstLoad, [], 'a system holding records upserts');
    assert.deepEqual(await rosterSnapshot(db, 'general'), await rosterSnapshot(db, 'first'));
    assert.deepEqual(general.issues, first.issues, 'the same problems, reported the same way');
    for (const [entity, counts] of Object.entries(first.result.entities)) {
      const g = general.result.entities[entity];
      assert.equal((g?.added ?? 0) + (g?.updated ?? 0) + (g?.unchanged ?? 0), counts.added, `${entity}: every live row is accounted for`);
      assert.equal(g?.rejected, counts.rejected, entity);
    }

    // The same package again, under another name: nothing to do.
    const again = await run(withoutProblem(), 'first');
    assert.deepEqual(again.firstLoad, []);
    for (const [entity, counts] of Object.entries(again.result.entities)) assert.deepEqual({ ...counts, unchanged: 0, rejected: 0 }, { added: 0, updated: 0, deleted: 0, unchanged: 0, rejected: 0 }, entity);
  });

  it('runs two first imports of one system at once one after the other, both succeeding', async () => {
    await run(richPackage12(), 'other');
    const [a, b] = await Promise.all([run(withProblem(), 'same'), run(withoutProblem(), 'same')]);
    // Whichever went first inserted; the other found its records and upserted.
    assert.deepEqual([a.firstLoad.length > 0, b.firstLoad.length > 0].sort(), [false, true]);
    assert.equal(a.result.entities['enrollments']?.rejected, 1);
    await run(withoutProblem(), 'reference');
    assert.deepEqual(await rosterSnapshot(db, 'same'), await rosterSnapshot(db, 'reference'));
  });

  it('keeps the indexes of an empty table another session is using, and imports the same', async () => {
    const before = await indexes();
    const reader = new pg.Client({ connectionString: test.url });
    others.push(reader);
    await reader.connect();
    await reader.query(`begin`);
    await reader.query(`select count(*) from enrollment`);

    const first = await run(withProblem(), 'first');
    assert.ok(first.firstLoad.includes('enrollments'), 'still plain inserts');
    const after = await indexes();
    assert.equal(after.get('enrollment_class_idx')?.oid, before.get('enrollment_class_idx')?.oid, 'the table in use kept its indexes');
    assert.notEqual(after.get('user_identifier_lookup_idx')?.oid, before.get('user_identifier_lookup_idx')?.oid, 'the others were rebuilt');
    await reader.query(`commit`);

    const general = await run(richPackage12(), 'general');
    await run(withProblem(), 'general', { force: true });
    assert.ok(general.firstLoad.length > 0);
    assert.deepEqual(await rosterSnapshot(db, 'general'), await rosterSnapshot(db, 'first'));
  });
});

/** The rows `withProblem` applies, as a package with other bytes (the ledger skips a package it has applied). */
function withoutProblem(): string {
  return district12({ userProfiles: PROFILE, enrollments: { mode: 'bulk', rows: ENROLLMENTS } });
}
