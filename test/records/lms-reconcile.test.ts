import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { COURSE_HEADERS, F2F_HEADERS, LmsFolder, PATHWAY_HEADERS, QUIZ_HEADERS, SCORM_HEADERS } from './lms-files';
import { histories, lmsLearner, records, runLms } from './lms-support';

describe('LMS files: reconciliation', () => {
  let app: TestApp;
  const files = new LmsFolder('reconcile');
  let ada: string;

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    ada = await lmsLearner(app.db.dataSource, 'ada', 'S100');
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  it('updates a SCORM attempt from a later file instead of adding one, and adds a new attempt beside it', async () => {
    const day1 = files.write('SCORM20250301', SCORM_HEADERS, [
      ['ada', 'S100', '2025-03-01 09:00', 'Fire Safety', 'Module 1', 'incomplete', '1', ''],
    ]);
    const day2 = files.write('SCORM20250302', SCORM_HEADERS, [
      ['ada', 'S100', '2025-03-02 10:30', 'Fire Safety', 'Module 1', 'passed', '1', '85%'],
      ['ada', 'S100', '2025-03-02 11:00', 'Fire Safety', 'Module 1', 'failed', '2', '40'],
    ]);
    const first = await runLms(app, { path: day1 });
    assert.equal(first.job.status, 'SUCCEEDED', first.job.failureMessage ?? '');
    assert.equal(first.job.added, 1);
    const second = await runLms(app, { path: day2 });
    assert.equal(second.job.status, 'SUCCEEDED', second.job.failureMessage ?? '');
    assert.deepEqual([second.job.added, second.job.updated], [1, 1]);

    const rows = (await records(app)).filter((r) => r.kind === 'SCORM_ATTEMPT');
    assert.deepEqual(
      rows.map((r) => [r.record_key, r.status, r.status_text, r.score, r.attempt, r.user_id, r.as_of]),
      [
        ['Module 1|1', 'PASSED', 'passed', '85', 1, ada, '2025-03-02'],
        ['Module 1|2', 'FAILED', 'failed', '40', 2, ada, '2025-03-02'],
      ],
    );
    assert.equal(rows[0]?.completed_at?.toISOString(), '2025-03-02T10:30:00.000Z');
    const history = await histories(app);
    assert.deepEqual(history['Fire Safety Module 1|1'], ['IN_PROGRESS', 'PASSED']);
  });

  it('changes nothing when the same file comes again, and never lets an older file overwrite a newer one', async () => {
    const again = files.write('SCORM20250302', SCORM_HEADERS, [
      ['ada', 'S100', '2025-03-02 10:30', 'Fire Safety', 'Module 1', 'passed', '1', '85%'],
      ['ada', 'S100', '2025-03-02 11:00', 'Fire Safety', 'Module 1', 'failed', '2', '40'],
    ], 'again');
    const before = await records(app);
    const duplicate = await runLms(app, { path: again });
    assert.equal(duplicate.job.status, 'SUCCEEDED');
    assert.deepEqual([duplicate.job.added, duplicate.job.updated, duplicate.job.unchanged], [0, 0, 0]);
    assert.ok(duplicate.job.result['duplicateOfJob'], 'names the job that applied it');
    assert.deepEqual(await records(app), before);

    // A day-1 file with other content, imported late: its row is older than what is stored.
    const late = files.write('SCORM20250301', SCORM_HEADERS, [['ada', 'S100', '01/03/2025', 'Fire Safety', 'Module 1', 'completed', '1', '']], 'late');
    const stale = await runLms(app, { path: late });
    assert.equal(stale.job.status, 'SUCCEEDED');
    assert.deepEqual([stale.job.added, stale.job.updated, stale.job.unchanged], [0, 0, 1]);
    assert.deepEqual(await records(app), before);
  });

  it('keys quiz attempts by user, quiz and attempt number', async () => {
    const day1 = files.write('Quiz20250303', QUIZ_HEADERS, [
      ['ada', 'S100', '2025-03-03', 'GDPR Quiz', '1', '55', 'Failed'],
      ['ada', 'S100', '2025-03-03', 'GDPR Quiz', '2', '90', 'Passed'],
    ]);
    const day2 = files.write('Quiz20250304', QUIZ_HEADERS, [['ada', 'S100', '2025-03-04', 'GDPR Quiz', '2', '95', 'Passed']]);
    await runLms(app, { path: day1 });
    const second = await runLms(app, { path: day2 });
    assert.deepEqual([second.job.added, second.job.updated], [0, 1]);
    const quiz = (await records(app)).filter((r) => r.kind === 'QUIZ_ATTEMPT');
    assert.deepEqual(
      quiz.map((r) => [r.record_key, r.status, r.score]),
      [
        ['1', 'FAILED', '55'],
        ['2', 'PASSED', '95'],
      ],
    );
  });

  it('keys face-to-face rows by user and session id, and keeps every status the booking had', async () => {
    const name = (d: string): string => `F2F202503${d}`;
    await runLms(app, { path: files.write(name('05'), F2F_HEADERS, [['ada', 'S100', '2025-03-05', 'First Aid', 'SESS-9', '2025-03-20 09:00', 'Booked']]) });
    await runLms(app, { path: files.write(name('20'), F2F_HEADERS, [['ada', 'S100', '2025-03-20', 'First Aid', 'SESS-9', '2025-03-20 09:00', 'Attended']]) });
    const last = await runLms(app, { path: files.write(name('21'), F2F_HEADERS, [['ada', 'S100', '2025-03-21', 'First Aid', 'SESS-9', '2025-03-20 09:00', 'No Show']]) });
    assert.deepEqual([last.job.added, last.job.updated], [0, 1]);
    const f2f = (await records(app)).filter((r) => r.kind === 'FACE_TO_FACE');
    assert.equal(f2f.length, 1);
    assert.equal(f2f[0]?.status, 'NO_SHOW');
    assert.equal(f2f[0]?.completed_at, null, 'a no-show is not an attendance');
    assert.equal(f2f[0]?.occurred_at.toISOString(), '2025-03-20T09:00:00.000Z');
    assert.deepEqual((await histories(app))['First Aid session:SESS-9'], ['BOOKED', 'ATTENDED', 'NO_SHOW']);
  });

  it('keys course completions by user and course, and pathway completions by attempt too', async () => {
    await runLms(app, { path: files.write('Completion20250306', COURSE_HEADERS, [['ada', 'S100', '2025-03-06', 'Induction']]) });
    const renewed = await runLms(app, { path: files.write('Completion20260306', COURSE_HEADERS, [['ada', 'S100', '2026-03-06', 'Induction']]) });
    assert.deepEqual([renewed.job.added, renewed.job.updated], [0, 1]);
    await runLms(app, {
      path: files.write('PathwayCompletion20250307', PATHWAY_HEADERS, [
        ['ada', 'S100', '2025-03-07', 'New Starter', '2025-03-07 16:00', '1'],
        ['ada', 'S100', '2025-03-07', 'New Starter', '2025-03-07 17:00', '2'],
      ]),
    });
    const rows = await records(app);
    const course = rows.filter((r) => r.kind === 'COURSE_COMPLETION');
    assert.deepEqual(course.map((r) => [r.item, r.status, r.completed_at?.toISOString()]), [['Induction', 'COMPLETED', '2026-03-06T00:00:00.000Z']]);
    assert.deepEqual((await histories(app))['Induction '], ['COMPLETED', 'COMPLETED'], 'the renewal is kept in the history');
    const pathway = rows.filter((r) => r.kind === 'PATHWAY_COMPLETION');
    assert.deepEqual(pathway.map((r) => [r.record_key, r.completed_at?.toISOString()]), [
      ['1', '2025-03-07T16:00:00.000Z'],
      ['2', '2025-03-07T17:00:00.000Z'],
    ]);
  });

  it('rejects rows it cannot reconcile, keeps the rest, and warns once per unknown status word', async () => {
    const file = files.write('SCORM20250310', SCORM_HEADERS, [
      ['ada', 'S100', '2025-03-10', 'Manual Handling', '', 'completed', '1', ''],
      ['ada', 'S100', 'yesterday', 'Manual Handling', '', 'completed', '2', ''],
      ['', '', '2025-03-10', 'Manual Handling', '', 'completed', '3', ''],
      ['ada', 'S100', '2025-03-10', '', '', 'completed', '4', ''],
      ['ada', 'S100', '2025-03-10', 'Manual Handling', '', 'completed', 'two', ''],
      ['ada', 'S100', '2025-03-10', 'Manual Handling', '', 'Sort of done', '6', 'n/a'],
      ['ada', 'S100', '2025-03-10', 'Manual Handling', '', 'Sort of done', '7', ''],
    ]);
    const { job, issues } = await runLms(app, { path: file });
    assert.equal(job.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual([job.added, job.rejected], [3, 4]);
    assert.deepEqual(
      issues.filter((i) => i.severity === 'ERROR').map((i) => [i.line, i.code, i.column]),
      [
        [3, 'lms.date.invalid', 'Date'],
        [4, 'lms.person.missing', 'uniqueid'],
        [5, 'lms.item.missing', 'SCORM Name'],
        [6, 'lms.attempt.invalid', 'Attempt Number'],
      ],
    );
    assert.deepEqual(
      issues.filter((i) => i.severity === 'WARNING').map((i) => [i.line, i.code]),
      [
        [7, 'lms.status.unknown'],
        [7, 'lms.score.invalid'],
      ],
    );
    const unknown = (await records(app)).filter((r) => r.item === 'Manual Handling' && r.status === 'UNKNOWN');
    assert.deepEqual(unknown.map((r) => [r.attempt, r.status_text, r.score]), [
      [6, 'Sort of done', null],
      [7, 'Sort of done', null],
    ]);
  });
});
