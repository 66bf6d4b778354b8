import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { windowCutoff } from '../../src/sources/business-window';
import { FilePatterns } from '../../src/sources/file-pattern';
import { DEFAULT_PATTERNS } from '../../src/sources/source-settings';
import { SourceFormat } from '../../src/sources/source-enums';
import { inImportOrder } from '../../src/sources/sync/import-order';

describe('file patterns', () => {
  const lms = FilePatterns.compile(DEFAULT_PATTERNS[SourceFormat.LMS]);

  it('reads the LMS names, with or without .csv, and takes the business date from the name', () => {
    const cases: [string, string | null][] = [
      ['SCORM20240102', '2024-01-02'],
      ['SCORM20240102.csv', '2024-01-02'],
      ['scorm20240102.CSV', '2024-01-02'],
      ['F2F20241231', '2024-12-31'],
      ['Quiz20240229', '2024-02-29'],
      ['Completion20240301.csv', '2024-03-01'],
      ['PathwayCompletion20240301', '2024-03-01'],
    ];
    for (const [name, date] of cases) assert.equal(lms.match(name)?.businessDate, date, name);
  });

  it('rejects names that only look right', () => {
    for (const name of ['SCORM20230229', 'SCORM2024010', 'SCORM20240102.txt', 'SCORM20240102.csv.bak', 'XSCORM20240102', 'SCORM-20240102', 'Quiz']) {
      assert.equal(lms.match(name), null, name);
    }
  });

  it('supports other date layouts, wildcards and explicit extensions', () => {
    const p = FilePatterns.compile(['export_YYYY-MM-DD_*.zip', 'users?.DDMMYYYY.xml', 'roster.zip']);
    assert.equal(p.match('export_2024-09-01_full.zip')?.businessDate, '2024-09-01');
    assert.equal(p.match('users1.01092024.xml')?.businessDate, '2024-09-01');
    assert.deepEqual(p.match('roster.zip'), { patternIndex: 2, pattern: 'roster.zip', businessDate: null });
    assert.equal(p.match('roster.zip.csv'), null);
  });

  it('refuses patterns it cannot use', () => {
    for (const bad of [[], ['a/b'], ['YYYYMMDDYYYYMMDD'], [''], Array.from({ length: 21 }, (_, i) => `f${i}`)]) {
      assert.throws(() => FilePatterns.compile(bad), (e: { code?: string }) => e.code === 'BAD_USER_INPUT', JSON.stringify(bad));
    }
  });

  it('orders by business date, then pattern order, then name', () => {
    const files = [
      { id: '1', name: 'Completion20240103', businessDate: '2024-01-03', modifiedAt: new Date(0) },
      { id: '2', name: 'Quiz20240101', businessDate: '2024-01-01', modifiedAt: new Date(5) },
      { id: '3', name: 'SCORM20240101', businessDate: '2024-01-01', modifiedAt: new Date(9) },
      { id: '4', name: 'SCORM20240102', businessDate: '2024-01-02', modifiedAt: new Date(1) },
    ];
    assert.deepEqual(inImportOrder(files, lms, 'UTC').map((f) => f.name), ['SCORM20240101', 'Quiz20240101', 'SCORM20240102', 'Completion20240103']);
  });

  it('counts the lookback window in the source’s days', () => {
    const at = new Date('2024-03-01T23:30:00Z');
    assert.equal(windowCutoff(at, 'UTC', 28), '2024-02-02');
    assert.equal(windowCutoff(at, 'Pacific/Auckland', 28), '2024-02-03'); // already 2 March there
  });
});
