import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LMS_SYSTEM_LOCK } from '../../src/records/lms/lms-apply';
import { startTestApp, type TestApp } from '../support/app';
import { LmsFolder, SCORM_HEADERS } from './lms-files';
import { histories, type JobOutcome, lmsLearner, runLms, storedRecords } from './lms-support';

describe('LMS files: two imports of one system at once', () => {
  let app: TestApp;
  const files = new LmsFolder('concurrent');

  // Day 1 and day 2 name two records alike (day 2 is newer), each has a record of its own, and
  // one learner matches nobody.
  const day1 = [
    ['ada', 'S100', '2025-05-01 10:00', 'Fire Safety', 'Module 1', 'incomplete', '1', '20'],
    ['bob', 'S200', '2025-05-01 11:00', 'Fire Safety', 'Module 1', 'failed', '1', '30'],
    ['ada', 'S100', '2025-05-01 12:00', 'Data Basics', 'Intro', 'passed', '1', '90'],
  ];
  const day2 = [
    ['ada', 'S100', '2025-05-02 10:00', 'Fire Safety', 'Module 1', 'passed', '1', '80'],
    ['bob', 'S200', '2025-05-02 11:00', 'Fire Safety', 'Module 1', 'completed', '1', ''],
    ['zed', 'Z999', '2025-05-02 08:00', 'Fire Safety', 'Module 1', 'passed', '1', '70'],
  ];

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    await lmsLearner(app.db.dataSource, 'ada', 'S100');
    await lmsLearner(app.db.dataSource, 'bob', 'S200');
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  const run = (name: string, rows: string[][], system: string): Promise<JobOutcome> =>
    runLms(app, { path: files.write(name, SCORM_HEADERS, rows, system), options: { system } });
  const diagnostics = (outcome: JobOutcome): string[] => outcome.issues.map((i) => `${i.severity} ${i.code} ${i.message}`);

  it('applies them one after the other: the records, histories and diagnostics of importing them in turn', async () => {
    const first = await run('SCORM20250501', day1, 'lms-in-turn');
    const second = await run('SCORM20250502', day2, 'lms-in-turn');
    assert.deepEqual([first.job.added, second.job.added, second.job.updated], [3, 1, 2]);

    // Both imports load their files while the system's lock is held elsewhere, so both reach
    // the apply before either has written anything.
    const holder = app.db.dataSource.createQueryRunner();
    await holder.connect();
    let together: [JobOutcome, JobOutcome];
    try {
      await holder.startTransaction();
      await holder.query(LMS_SYSTEM_LOCK, ['lms-together']);
      // The rows in another order: other bytes (the ledger skips a file it has seen), the same records.
      const both = Promise.all([run('SCORM20250501', [...day1].reverse(), 'lms-together'), run('SCORM20250502', [...day2].reverse(), 'lms-together')]);
      await waitForLockWaiters(app, 2);
      await holder.commitTransaction();
      together = await both;
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }

    for (const outcome of together) assert.equal(outcome.job.status, 'SUCCEEDED', outcome.job.failureMessage ?? '');
    // Whichever applied first, every record is stored once and the newer day wins.
    assert.equal(together[0].job.added + together[1].job.added, 4);
    assert.deepEqual(await storedRecords(app, 'lms-together'), await storedRecords(app, 'lms-in-turn'));
    const [one, two] = [await histories(app, 'lms-together'), await histories(app, 'lms-in-turn')];
    assert.deepEqual(Object.keys(one), Object.keys(two));
    assert.deepEqual(together.map(diagnostics).flat().sort(), [first, second].map(diagnostics).flat().sort());
    assert.ok(
      together.map(diagnostics).flat().some((d) => d.includes('identity.unmatched')),
      'the unmatched learner is reported',
    );
  });
});

/** Waits until `count` sessions wait for an advisory lock (the imports reached their apply). */
async function waitForLockWaiters(app: TestApp, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = (await app.db.dataSource.query(`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`)) as { n: number }[];
    if ((row?.n ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`${row?.n ?? 0} of ${count} imports reached the system's lock`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
