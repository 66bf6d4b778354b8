import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compileDateFormat } from '../../src/records/lms/date-format';
import { parseLmsOptions } from '../../src/records';
import { LmsFileType } from '../../src/records/lms/lms-file-type';
import { DomainError } from '../../src/shared/domain-error';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { LmsFolder } from './lms-files';
import { records, runLms } from './lms-support';

describe('LMS files: column maps and date formats', () => {
  let app: TestApp;
  const files = new LmsFolder('columns');

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    const f = new RosterFactory(app.db.dataSource);
    const user = await f.user({ username: 'grace' });
    await f.identifiers([{ userId: user.id, kind: 'identifier', value: 'E7' }]);
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  it('reads renamed columns and the source’s date formats, in its time zone', async () => {
    const file = files.write('SCORM20250401', ['Staff No', 'Login', 'When', 'Module', 'Result', 'Try'], [['E7', 'grace', '1/4/2025 2:15 PM', 'Infection Control', 'Complete', '1']]);
    const options = {
      columnMap: [
        { field: 'UNIQUE_ID', headers: ['Staff No'] },
        { field: 'username', headers: 'Login' },
        { field: 'DATE', headers: ['When'] },
        { fileType: 'SCORM', field: 'ITEM_NAME', headers: ['Module'] },
        { fileType: 'SCORM', field: 'STATUS', headers: ['Result'] },
        { fileType: 'SCORM', field: 'ATTEMPT', headers: ['Try'] },
      ],
      dateFormats: ['D/M/YYYY h:mm A'],
      timeZone: 'Europe/London',
    };
    const { job, issues } = await runLms(app, { path: file, options });
    assert.equal(job.status, 'SUCCEEDED', `${job.failureMessage} ${JSON.stringify(issues)}`);
    const [row] = (await records(app)).filter((r) => r.item === 'Infection Control');
    assert.equal(row?.status, 'COMPLETED');
    assert.ok(row?.user_id, 'matched by the renamed staff number column');
    // 14:15 in London on 1 April 2025 (BST) is 13:15 UTC.
    assert.equal(row?.occurred_at.toISOString(), '2025-04-01T13:15:00.000Z');
  });

  it('fails a file whose headers do not satisfy the map, listing every missing field and the names tried', async () => {
    const file = files.write('Quiz20250402', ['username', 'uniqueid', 'Quiz', 'Status'], [['grace', 'E7', 'Q', 'passed']]);
    const { job } = await runLms(app, { path: file });
    assert.equal(job.status, 'FAILED');
    assert.equal(job.failureCode, 'INVALID_FILE');
    assert.equal(
      job.failureMessage,
      'Quiz20250402, line 1: the header lacks the column(s) for date ("Date"), itemName ("Quiz Name"); fix the file or the source\'s column map [lms.header.missing]',
    );
    assert.deepEqual(await app.db.dataSource.query(`select count(*)::int as n from learning_record where kind = 'QUIZ_ATTEMPT'`), [{ n: 0 }]);
  });

  it('fails a file whose name does not tell its type unless the type is given', async () => {
    const file = files.write('export.csv', ['username', 'uniqueid', 'Date', 'Course Name'], [['grace', 'E7', '2025-04-03', 'Induction']]);
    const unnamed = await runLms(app, { path: file });
    assert.equal(unnamed.job.status, 'FAILED');
    assert.match(unnamed.job.failureMessage ?? '', /lms\.file\.type_unknown/);
    const typed = await runLms(app, { path: file, fileType: LmsFileType.COURSE_COMPLETION });
    assert.equal(typed.job.status, 'SUCCEEDED', typed.job.failureMessage ?? '');
    assert.equal(typed.job.added, 1);
  });

  it('checks options when they are given, naming what is wrong', () => {
    const wrong = (options: unknown, message: RegExp): void =>
      assert.throws(() => parseLmsOptions(options), (e: unknown) => e instanceof DomainError && e.code === 'BAD_USER_INPUT' && message.test(e.message));
    wrong({ columnMap: [{ field: 'SESSION_ID', fileType: 'QUIZ', headers: 'x' }] }, /QUIZ file has the field sessionId|no QUIZ/);
    wrong({ columnMap: [{ field: 'nope', headers: 'x' }] }, /"nope" is not an LMS field/);
    wrong({ columnMap: [{ field: 'STATUS', headers: 'Date' }] }, /header "Date" would hold both/);
    wrong({ dateFormats: ['DD/MM'] }, /needs YYYY/);
    wrong({ dateFormats: ['YYYY-MM-DD Q'] }, /not a known token/);
    wrong({ timeZone: 'Mars/Olympus' }, /not an IANA time zone/);
    wrong({ identity: { rules: [{ field: 'Date', kinds: ['email'] }] } }, /"Date" is not a field/);
    wrong({ identity: { rules: [{ field: 'username', kinds: ['phone'] }] } }, /identity/);
    wrong({ statusMap: { done: 'FINISHED' } }, /not a LearningStatus/);
    wrong({ colour: 'blue' }, /Unrecognized key/);
    const ok = parseLmsOptions({ statusMap: { 'Attended - Late': 'ATTENDED' }, identity: { rules: [{ field: 'username', kinds: ['email'] }], accountField: null } });
    assert.deepEqual(ok.statusMap, { 'attended late': 'ATTENDED' });
    assert.equal(ok.identity.accountField, null);
  });

  it('parses dates strictly: real calendar days only, formats tried in order', () => {
    const iso = compileDateFormat('YYYY-MM-DDTHH:mm:ssZ');
    assert.equal(iso.parse('2024-02-29T23:59:59Z'), '2024-02-29 23:59:59+00:00');
    assert.equal(iso.parse('2024-02-29T10:00:00+0100'), '2024-02-29 10:00:00+01:00');
    assert.equal(iso.parse('2023-02-29T10:00:00Z'), null);
    const uk = compileDateFormat('DD/MM/YYYY');
    assert.equal(uk.parse('31/12/2024'), '2024-12-31 00:00:00');
    assert.equal(uk.parse('12/31/2024'), null);
    const twelve = compileDateFormat('D/M/YYYY h:mm A');
    assert.equal(twelve.parse('1/4/2025 12:05 AM'), '2025-04-01 00:05:00');
    assert.equal(twelve.parse('1/4/2025 12:05 pm'), '2025-04-01 12:05:00');
  });
});
