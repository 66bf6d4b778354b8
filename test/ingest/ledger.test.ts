import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { FileLedger, type IncomingFile } from '../../src/ingest/ledger/file-ledger';
import { IngestFileStatus } from '../../src/ingest/ledger/ingest-file-status';
import { digestPackage } from '../../src/ingest/ledger/package-digest';
import { digestFile } from '../../src/ingest/ledger/sha256';
import { openPackage } from '../../src/ingest/package/open-package';
import { SyncJobEntity } from '../../src/jobs/sync-job.entity';
import { DomainError } from '../../src/shared/domain-error';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { tempDir, writeZip } from './fixtures';

describe('file ledger', () => {
  let db: TestDatabase;
  let ledger: FileLedger;
  const tmp = tempDir('ledger');
  before(async () => {
    db = await createTestDatabase();
    ledger = new FileLedger(db.dataSource.manager);
  });
  after(async () => {
    tmp.remove();
    await db.drop();
  });

  const newJob = async (): Promise<string> =>
    (await db.dataSource.getRepository(SyncJobEntity).save({ kind: 'test.import', sourceLabel: 'test', params: {} })).id;

  const incoming = (sha256: Buffer, jobId: string, format = 'test-csv'): IncomingFile => ({
    sha256,
    name: 'roster.zip',
    size: 123,
    format,
    sourceLabel: 'upload',
    jobId,
  });

  /** Applies a receipt the way an importer does: first thing in its transaction. */
  const apply = (fileId: string): Promise<void> => db.dataSource.transaction((em) => ledger.markApplied(fileId, em));

  it('hashes a file by streaming it', async () => {
    const file = tmp.file('users.csv');
    writeFileSync(file, 'sourcedId\nu1\n');
    const digest = await digestFile(file);
    assert.deepEqual(digest.sha256, createHash('sha256').update('sourcedId\nu1\n').digest());
    assert.equal(digest.size, 13);
  });

  it('reports the same content applied before as a duplicate, naming the job that applied it', async () => {
    const zip = tmp.file('roster.zip');
    await writeZip(zip, [{ name: 'users.csv', data: 'sourcedId\nu1\n' }]);
    const { sha256 } = await digestFile(zip);
    const firstJob = await newJob();
    const first = await ledger.receive(incoming(sha256, firstJob));
    assert.equal(first.status, IngestFileStatus.RECEIVED);
    assert.equal(first.previous, null);
    await apply(first.fileId);

    const secondJob = await newJob();
    const again = await ledger.receive(incoming(sha256, secondJob));
    assert.equal(again.status, IngestFileStatus.DUPLICATE);
    assert.equal(again.previous?.jobId, firstJob);
    assert.equal(again.previous?.fileId, first.fileId);
    assert.deepEqual(await ledger.findApplied(sha256, 'test-csv').then((a) => a?.jobId), firstJob);

    const rows = (await db.dataSource.query(`select job_id, status, duplicate_of, applied_at is not null as applied from ingest_file where sha256 = $1 order by id`, [sha256])) as {
      job_id: string;
      status: string;
      duplicate_of: string | null;
      applied: boolean;
    }[];
    assert.deepEqual(rows, [
      { job_id: firstJob, status: 'applied', duplicate_of: null, applied: true },
      { job_id: secondJob, status: 'duplicate', duplicate_of: first.fileId, applied: false },
    ]);
  });

  it('treats the same bytes read as another format, or after a failed import, as new', async () => {
    const sha256 = createHash('sha256').update('other content').digest();
    const applied = await ledger.receive(incoming(sha256, await newJob(), 'format-a'));
    await apply(applied.fileId);
    assert.equal((await ledger.receive(incoming(sha256, await newJob(), 'format-b'))).status, IngestFileStatus.RECEIVED);

    const failedSha = createHash('sha256').update('failed once').digest();
    const failed = await ledger.receive(incoming(failedSha, await newJob()));
    await ledger.markFailed(failed.fileId);
    assert.equal((await ledger.receive(incoming(failedSha, await newJob()))).status, IngestFileStatus.RECEIVED);
  });

  it('lets only one of two concurrent imports of the same content apply it', async () => {
    const sha256 = createHash('sha256').update('raced').digest();
    const winnerJob = await newJob();
    const a = await ledger.receive(incoming(sha256, winnerJob));
    const b = await ledger.receive(incoming(sha256, await newJob()));
    assert.equal(b.status, IngestFileStatus.RECEIVED, 'neither is applied yet');

    const first = db.dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    try {
      await ledger.markApplied(a.fileId, first.manager);
      // The second import waits on the first's uncommitted mark...
      const second = apply(b.fileId);
      const settled = await Promise.race([second.then(() => 'applied', () => 'failed'), new Promise((r) => setTimeout(() => r('waiting'), 300))]);
      assert.equal(settled, 'waiting');
      await first.commitTransaction();
      // ...and fails once the first commits, naming the job that won.
      await assert.rejects(second, (error: unknown) => {
        assert.ok(error instanceof DomainError);
        assert.equal(error.code, 'DUPLICATE_FILE');
        assert.match(error.message, new RegExp(`job ${winnerJob}`));
        return true;
      });
    } finally {
      await first.release();
    }
    const statuses = (await db.dataSource.query(`select status from ingest_file where sha256 = $1 order by id`, [sha256])) as { status: string }[];
    assert.deepEqual(
      statuses.map((s) => s.status),
      ['applied', 'received'],
    );
  });

  it('gives a folder the same digest for the same files, whatever their timestamps', async () => {
    const make = (name: string, users: string, time: number): string => {
      const dir = tmp.file(name);
      mkdirSync(dir);
      writeFileSync(`${dir}/users.csv`, users);
      writeFileSync(`${dir}/orgs.csv`, 'sourcedId\no1\n');
      for (const f of ['users.csv', 'orgs.csv']) utimesSync(`${dir}/${f}`, time, time);
      return dir;
    };
    const digest = async (dir: string) => digestPackage(await openPackage(dir));
    const one = await digest(make('drop-1', 'sourcedId\nu1\n', 1_700_000_000));
    const two = await digest(make('drop-2', 'sourcedId\nu1\n', 1_800_000_000));
    const changed = await digest(make('drop-3', 'sourcedId\nu2\n', 1_700_000_000));
    assert.deepEqual(one, two);
    assert.notDeepEqual(one.sha256, changed.sha256);
    assert.equal(one.size, 26);
  });
});
