import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { JobEvents } from '../../src/jobs/job-events';
import { SharedJobReads } from '../../src/jobs/shared-job-reads';
import { SyncJobEntity } from '../../src/jobs/sync-job.entity';
import { createLogger } from '../../src/shared/logger';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('shared job reads: many watchers of one job in a process', () => {
  let db: TestDatabase;
  let events: JobEvents;
  let job: SyncJobEntity;
  before(async () => {
    db = await createTestDatabase();
    const repo = db.dataSource.getRepository(SyncJobEntity);
    // Recorded before listening starts, so that its insert is no change the watchers hear of.
    job = await repo.save(repo.create({ kind: 'test.count', sourceLabel: 'shared.csv', params: {} }));
    events = new JobEvents(db.url, createLogger('silent'));
    await events.start();
  });
  after(async () => {
    await events.stop();
    await db.drop();
  });

  it('read the row once per change for all of them, and each sees the change that woke it', async () => {
    const repo = db.dataSource.getRepository(SyncJobEntity);
    let reads = 0;
    const shared = new SharedJobReads(events, async (id) => {
      reads++;
      return repo.findOneByOrFail({ id });
    });

    const WATCHERS = 200;
    const seen: number[][] = Array.from({ length: WATCHERS }, () => []);
    const woken: Promise<void>[] = [];
    const releases = seen.map((rows) =>
      shared.retain(job.id, () => {
        woken.push(shared.read(job.id).then((row) => void rows.push(Number(row.rowsDone))));
      }),
    );

    for (const rowsDone of [1, 2, 3]) {
      await db.dataSource.query(`update sync_job set rows_done = $2 where id = $1`, [job.id, rowsDone]);
      for (let i = 0; i < 100 && woken.length < WATCHERS * rowsDone; i++) await sleep(20);
      await Promise.all(woken);
    }
    for (const release of releases) release();

    // Every watcher saw every change, in order, from three reads in all (one per change).
    for (const rows of seen) assert.deepEqual(rows, [1, 2, 3]);
    assert.equal(reads, 3);
  });
});
