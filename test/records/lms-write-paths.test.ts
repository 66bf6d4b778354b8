import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { lmsCsv, LmsFolder, SCORM_HEADERS } from './lms-files';
import { histories, lmsLearner, runLms, storedRecords as stored } from './lms-support';

describe('LMS files: new and known records are written alike', () => {
  let app: TestApp;
  const files = new LmsFolder('write-paths');

  // The final word on every record; one person is nobody's.
  const final = [
    ['ada', 'S100', '2025-04-02 10:30', 'Fire Safety', 'Module 1', 'passed', '1', '85%'],
    ['ada', 'S100', '2025-04-02 11:00', 'Fire Safety', 'Module 1', 'failed', '2', '40'],
    ['bob', 'S200', '2025-04-02 09:15', 'Fire Safety', 'Module 1', 'completed', '1', ''],
    ['bob', 'S200', '2025-04-02 09:45', 'Data Basics', 'Intro', 'incomplete', '1', '10'],
    ['zed', 'Z999', '2025-04-02 08:00', 'Fire Safety', 'Module 1', 'passed', '1', '70'],
  ];
  // Earlier versions of all but one of them, each different.
  const earlier = [
    ['ada', 'S100', '2025-04-01 10:00', 'Fire Safety', 'Module 1', 'incomplete', '1', '20'],
    ['ada', 'S100', '2025-04-01 11:00', 'Fire Safety', 'Module 1', 'incomplete', '2', ''],
    ['bob', 'S200', '2025-04-01 09:00', 'Fire Safety', 'Module 1', 'failed', '1', '30'],
    ['zed', 'Z999', '2025-04-01 08:00', 'Fire Safety', 'Module 1', 'failed', '1', '50'],
  ];

  const users: Record<string, string> = {};

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    users['ada'] = await lmsLearner(app.db.dataSource, 'ada', 'S100');
    users['bob'] = await lmsLearner(app.db.dataSource, 'bob', 'S200');
    // The same item validity in both systems, so valid_until is written by both paths.
    for (const system of ['lms-direct', 'lms-stepwise']) {
      await app.db.dataSource.query(
        `insert into learning_item (system, kind, source_key, name, validity_months) values ($1, 'SCORM_PACKAGE', 'Fire Safety', 'Fire Safety', 12)`,
        [system],
      );
    }
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  it('stores the same records whether a file inserts them or updates earlier versions, and changes nothing when sent again', async () => {
    const direct = await runLms(app, { path: files.write('SCORM20250402', SCORM_HEADERS, final, 'direct'), options: { system: 'lms-direct' } });
    assert.equal(direct.job.status, 'SUCCEEDED', direct.job.failureMessage ?? '');
    assert.deepEqual([direct.job.added, direct.job.updated], [5, 0]);

    const first = await runLms(app, { path: files.write('SCORM20250401', SCORM_HEADERS, earlier, 'stepwise'), options: { system: 'lms-stepwise' } });
    assert.deepEqual([first.job.added, first.job.updated], [4, 0]);
    // The same content as other bytes (the ledger skips only bytes it has seen).
    const lf = (rows: string[][]): string => lmsCsv(SCORM_HEADERS, rows).replace(/\r\n/g, '\n');
    const second = await runLms(app, { path: files.writeRaw('SCORM20250402', lf(final)), options: { system: 'lms-stepwise' } });
    assert.equal(second.job.status, 'SUCCEEDED', second.job.failureMessage ?? '');
    assert.deepEqual([second.job.added, second.job.updated, second.job.unchanged], [1, 4, 0]);

    assert.deepEqual(await stored(app, 'lms-stepwise'), await stored(app, 'lms-direct'));
    const rows = (await stored(app, 'lms-direct')) as { person_key: string; match_status: string; valid_until: Date | null; completed_at: Date | null }[];
    assert.deepEqual(
      rows.map((r) => [r.person_key, r.match_status]),
      [
        ['account:S200', 'MATCHED'],
        ['account:S100', 'MATCHED'],
        ['account:S200', 'MATCHED'],
        ['account:Z999', 'UNMATCHED'],
        ['account:S100', 'MATCHED'],
      ],
    );
    assert.ok(rows.some((r) => r.valid_until !== null && r.completed_at !== null), 'a completion of an item with a validity has its end');
    assert.deepEqual(await histories(app, 'lms-stepwise', 'person'), {
      'account:S100 Module 1|1': ['IN_PROGRESS', 'PASSED'],
      'account:S100 Module 1|2': ['IN_PROGRESS', 'FAILED'],
      'account:S200 Intro|1': ['IN_PROGRESS'],
      'account:S200 Module 1|1': ['FAILED', 'COMPLETED'],
      'account:Z999 Module 1|1': ['FAILED', 'PASSED'],
    });

    const before = await app.db.dataSource.query(`select id, updated_at from learning_record where system = 'lms-stepwise' order by id`);
    const again = await runLms(app, { path: files.writeRaw('SCORM20250403', lf(final).trimEnd()), options: { system: 'lms-stepwise' } });
    assert.equal(again.job.status, 'SUCCEEDED', again.job.failureMessage ?? '');
    assert.deepEqual([again.job.added, again.job.updated, again.job.unchanged], [0, 0, 5]);
    assert.deepEqual(await app.db.dataSource.query(`select id, updated_at from learning_record where system = 'lms-stepwise' order by id`), before);
    assert.equal(Object.values(await histories(app, 'lms-stepwise', 'person')).flat().length, 9, 'no status rows added');
  });

  it('matches a person first seen after their account was linked to the linked user', async () => {
    await app.runtime.services.identity.redeemLinkKey(
      (await app.runtime.services.identity.createLinkKey(users['ada'] as string, 60, null)).key,
      'lms-linked',
      'L-1',
    );
    // The username names bob; the linked account wins.
    const run = await runLms(app, {
      path: files.write('SCORM20250405', SCORM_HEADERS, [['bob', 'L-1', '2025-04-05 10:00', 'Fire Safety', 'Module 1', 'passed', '1', '']], 'linked'),
      options: { system: 'lms-linked' },
    });
    assert.equal(run.job.status, 'SUCCEEDED', run.job.failureMessage ?? '');
    const rows = (await stored(app, 'lms-linked')) as { user_id: string; person_user: string; match_status: string; method: string }[];
    assert.deepEqual(
      rows.map((r) => [r.user_id, r.person_user, r.match_status, r.method]),
      [[users['ada'], users['ada'], 'MATCHED', 'LINK_KEY']],
    );
  });
});
