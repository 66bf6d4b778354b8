import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { QueryRunner } from 'typeorm';
import type { CsvContract } from '../../src/ingest/csv/csv-contract';
import { FileError } from '../../src/ingest/file-error';
import { openPackage } from '../../src/ingest/package/open-package';
import type { IngestPackage } from '../../src/ingest/package/package';
import type { RowValidator } from '../../src/ingest/pipeline/row-validator';
import { stageFile, stagePackage, type StageFileSpec } from '../../src/ingest/pipeline/stage-files';
import { ProgressReporter } from '../../src/jobs/progress-reporter';
import { SyncJobEntity } from '../../src/jobs/sync-job.entity';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { tempDir, writeZip } from './fixtures';

const USERS: CsvContract = {
  columns: ['sourcedId', 'status', 'username', 'email'],
  mode: 'strict',
  extensionPrefix: 'metadata.',
  keyColumn: 'sourcedId',
  multiline: false,
};

const ORGS: CsvContract = {
  columns: ['sourcedId', 'name', 'type', 'parentSourcedId'],
  mode: 'lenient',
  requiredColumns: ['sourcedId', 'name'],
  keyColumn: 'sourcedId',
};

const validateUser: RowValidator = (row) => {
  const errors = [];
  if (!row.get('email').includes('@')) errors.push(row.error('test.email.invalid', 'the email has no @', 'email'));
  if (row.extensions()['metadata.house'] === 'Blue') errors.push(row.error('test.house.closed', 'that house is closed', 'metadata.house'));
  if (errors.length > 0) return { rejected: errors };
  return { values: [row.get('sourcedId'), row.get('username'), row.get('email'), JSON.stringify(row.extensions())] };
};

const usersSpec: StageFileSpec = {
  entry: 'users.csv',
  contract: USERS,
  staging: { table: 'stage_users', columns: ['sourced_id', 'username', 'email', 'metadata'] },
  validate: validateUser,
};

const orgsSpec: StageFileSpec = {
  entry: 'orgs.csv',
  contract: ORGS,
  staging: { table: 'stage_orgs', columns: ['sourced_id', 'name', 'type', 'parent'] },
  validate: (row) => ({ values: row.values.map((v) => v || null) }),
};

const USERS_CSV = [
  'sourcedId,status,username,email,metadata.house,metadata.locker',
  'u1,,ada,ada@example.org,Red,12',
  'u2,,grace,not-an-email,Blue,',
  'u3,,alan',
  'u4,,"bad "q" x",x@example.org,,',
  'u5,,nul,zero\0@example.org,,',
  '"u6",,"Smith, Jr.",s@example.org,Green,7',
].join('\r\n');

const ORGS_CSV = '\ufeff Name ,SOURCEDID,type,colour\nSchool A,o1,school,blue\nDistrict,o2,district,green\n';

interface IssueRow {
  severity: string;
  code: string;
  file: string;
  line: number;
  column: string | null;
  record_key: string | null;
  message: string;
}

describe('stagePackage', () => {
  let db: TestDatabase;
  const tmp = tempDir('pipeline');
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    tmp.remove();
    await db.drop();
  });

  async function job(): Promise<{ id: string; progress: ProgressReporter }> {
    const { id } = await db.dataSource.getRepository(SyncJobEntity).save({ kind: 'test.import', sourceLabel: 'test', params: {} });
    return { id, progress: new ProgressReporter(db.dataSource, id, () => {}) };
  }

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

  async function zipOf(name: string, files: Record<string, string>): Promise<IngestPackage> {
    const path = tmp.file(name);
    await writeZip(
      path,
      Object.entries(files).map(([n, data]) => ({ name: n, data })),
    );
    return openPackage(path);
  }

  it('stages valid rows of several files and keeps every reject with its reason and place', async () => {
    const pkg = await zipOf('roster.zip', { 'orgs.csv': ORGS_CSV, 'users.csv': USERS_CSV });
    const { id, progress } = await job();
    const { staged, users, orgs } = await inTransaction(async (queryRunner) => {
      const staged = await stagePackage(pkg, [orgsSpec, usersSpec], { queryRunner, progress, signal: new AbortController().signal });
      return {
        staged,
        users: await queryRunner.query('select line, sourced_id, username, email, metadata from stage_users order by line'),
        orgs: await queryRunner.query('select line, sourced_id, name, type, parent from stage_orgs order by line'),
      };
    });
    await pkg.close();

    assert.deepEqual(
      staged.map((s) => [s.entry, s.rowsRead, s.rowsStaged, s.rowsRejected, s.warnings]),
      [
        ['orgs.csv', 2, 2, 0, 1],
        ['users.csv', 6, 2, 4, 0],
      ],
    );
    assert.deepEqual(
      staged[1]?.header.extensions.map((e) => e.name),
      ['metadata.house', 'metadata.locker'],
    );
    assert.deepEqual(users, [
      { line: 2, sourced_id: 'u1', username: 'ada', email: 'ada@example.org', metadata: '{"metadata.house":"Red","metadata.locker":"12"}' },
      { line: 7, sourced_id: 'u6', username: 'Smith, Jr.', email: 's@example.org', metadata: '{"metadata.house":"Green","metadata.locker":"7"}' },
    ]);
    assert.deepEqual(orgs, [
      { line: 2, sourced_id: 'o1', name: 'School A', type: 'school', parent: null },
      { line: 3, sourced_id: 'o2', name: 'District', type: 'district', parent: null },
    ]);

    await progress.flush();
    const issues = (await db.dataSource.query(
      'select severity, code, file, line, "column", record_key, message from sync_job_issue where job_id = $1 order by id',
      [id],
    )) as IssueRow[];
    assert.deepEqual(
      issues.map((i) => [i.severity, i.code, i.file, i.line, i.column, i.record_key]),
      [
        ['WARNING', 'csv.header.unknown', 'orgs.csv', 1, 'colour', null],
        ['ERROR', 'test.email.invalid', 'users.csv', 3, 'email', 'u2'],
        ['ERROR', 'test.house.closed', 'users.csv', 3, 'metadata.house', 'u2'],
        ['ERROR', 'csv.row.too_short', 'users.csv', 4, 'email', 'u3'],
        ['ERROR', 'csv.quote.invalid', 'users.csv', 5, 'username', null],
        ['ERROR', 'ingest.value.nul', 'users.csv', 6, null, null],
      ],
    );
    for (const issue of issues) assert.doesNotMatch(issue.message, /not-an-email|alan|bad|zero|grace/, 'no row payload in messages');
    const [row] = (await db.dataSource.query('select phase, rows_done, rejected, warnings from sync_job where id = $1', [id])) as [
      { phase: string; rows_done: string; rejected: number; warnings: number },
    ];
    // Four rows rejected, one of them for two reasons: rejects count rows, issues count reasons.
    assert.deepEqual(row, { phase: 'loading', rows_done: '8', rejected: 4, warnings: 1 });
  });

  it('tells the format the key of every rejected row it can name, NUL values included', async () => {
    const pkg = await zipOf('keys.zip', { 'users.csv': USERS_CSV });
    const { progress } = await job();
    const rejectedKeys: string[] = [];
    const spec: StageFileSpec = { ...usersSpec, onRejected: (key, line) => rejectedKeys.push(`${key}@${line}`) };
    const staged = await inTransaction((queryRunner) => stagePackage(pkg, [spec], { queryRunner, progress, signal: new AbortController().signal }));
    await pkg.close();
    assert.equal(staged[0]?.rowsRejected, 4);
    // u4's misplaced quote leaves no fields to take a key from; u5's NUL is found when encoding
    // the row for COPY, and a bulk file must not read u5 as gone either.
    assert.deepEqual(rejectedKeys, ['u2@3', 'u3@4', 'u5@6']);
  });

  it('checks every header before loading any file, and fails the job on a bad one', async () => {
    const badUsers = USERS_CSV.replace('sourcedId,status,username,email', 'sourcedId,status,email,username');
    const pkg = await zipOf('bad-header.zip', { 'orgs.csv': ORGS_CSV, 'users.csv': badUsers });
    const { progress } = await job();
    await inTransaction(async (queryRunner) => {
      await assert.rejects(stagePackage(pkg, [orgsSpec, usersSpec], { queryRunner, progress, signal: new AbortController().signal }), (error: unknown) => {
        assert.ok(error instanceof FileError);
        assert.equal(error.rule, 'csv.header.mismatch');
        assert.equal(error.message, 'users.csv, line 1, column "username": column 3 of the header must be "username" but is "email" (names and order are exact, case included) [csv.header.mismatch]');
        return true;
      });
      const [{ t }] = (await queryRunner.query(`select to_regclass('pg_temp.stage_orgs') as t`)) as [{ t: string | null }];
      assert.equal(t, null, 'no file was loaded');
    });
    await pkg.close();
  });

  it('fails when a lenient file lacks a required column or the package lacks a file', async () => {
    const pkg = await zipOf('missing.zip', { 'orgs.csv': 'sourcedId,type\no1,school\n' });
    const { progress } = await job();
    await inTransaction(async (queryRunner) => {
      const ctx = { queryRunner, progress, signal: new AbortController().signal };
      await assert.rejects(stagePackage(pkg, [orgsSpec], ctx), /orgs\.csv, line 1, column "name": the header lacks required column\(s\) "name" \[csv\.header\.missing_column\]/);
      await assert.rejects(stagePackage(pkg, [usersSpec], ctx), /missing\.zip has no file "users\.csv" \[package\.entry\.missing\]/);
    });
    await pkg.close();
  });

  it('fails with the FileError when a file turns out unreadable mid-stream, cancelling the COPY', async () => {
    const lines = ['sourcedId,status,username,email'];
    for (let i = 1; i <= 5_000; i++) lines.push(`u${i},,user${i},user${i}@example.org`);
    const latin1 = Buffer.concat([Buffer.from(lines.join('\n') + '\nu5001,,caf'), Buffer.from([0xe9]), Buffer.from(',x@example.org\n')]);
    const file = tmp.file('users.csv');
    writeFileSync(file, latin1);
    const pkg = await openPackage(file);
    const { progress } = await job();
    await inTransaction(async (queryRunner) => {
      await assert.rejects(stageFile(pkg.entries[0]!, usersSpec, { queryRunner, progress, signal: new AbortController().signal }), (error: unknown) => {
        assert.ok(error instanceof FileError);
        assert.equal(error.rule, 'csv.encoding.invalid_utf8');
        assert.equal(error.diagnostic.line, 5_002);
        return true;
      });
      await assert.rejects(queryRunner.query('select count(*) from stage_users'), /current transaction is aborted/);
    });
  });

  it('stages a single delivered file', async () => {
    const file = tmp.file('ORGS20240901');
    writeFileSync(file, ORGS_CSV);
    const pkg = await openPackage(file);
    const { progress } = await job();
    const rows = await inTransaction(async (queryRunner) => {
      const staged = await stageFile(pkg.entries[0]!, { ...orgsSpec, entry: 'ORGS20240901' }, { queryRunner, progress, signal: new AbortController().signal });
      assert.equal(staged.rowsStaged, 2);
      return queryRunner.query('select sourced_id from stage_orgs order by line');
    });
    assert.deepEqual(rows, [{ sourced_id: 'o1' }, { sourced_id: 'o2' }]);
  });

  it('stops mid-stream when aborted, and the transaction rolls back', async () => {
    const lines = ['sourcedId,status,username,email'];
    for (let i = 1; i <= 200_000; i++) lines.push(`u${i},,user${i},user${i}@example.org`);
    const pkg = await zipOf('big.zip', { 'users.csv': lines.join('\n') });
    const { progress } = await job();
    const controller = new AbortController();
    let validated = 0;
    const spec: StageFileSpec = {
      ...usersSpec,
      validate: (row) => {
        if (++validated === 20_000) controller.abort(new Error('cancelled by test'));
        return validateUser(row);
      },
    };
    await inTransaction(async (queryRunner) => {
      await assert.rejects(stagePackage(pkg, [spec], { queryRunner, progress, signal: controller.signal }), /cancelled by test/);
    });
    await pkg.close();
    assert.ok(validated < 30_000, `stopped soon after the abort (${validated} rows validated)`);
    assert.deepEqual(await db.dataSource.query(`select to_regclass('pg_temp.stage_users') as t`), [{ t: null }]);
  });
});
