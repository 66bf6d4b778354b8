import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCell } from '../../src/roster/oneroster/cells';
import { type ColumnSpec, ORG_TYPES, SEXES_1_2 } from '../../src/roster/oneroster/columns';

const c = (type: ColumnSpec['type'], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ name: 'f', type, required: false, ...extra });
const strict = (raw: string, column: ColumnSpec) => readCell(raw, column, 'STRICT');
const lenient = (raw: string, column: ColumnSpec) => readCell(raw, column, 'LENIENT');
const codeOf = (r: ReturnType<typeof readCell>) => (r.ok ? r.warnings.map((w) => w.code) : r.problem.code);

describe('OneRoster cells', () => {
  it('reads sourcedIds as opaque, case-sensitive text and refuses other characters in strict mode', () => {
    assert.deepEqual(strict('Ab-1_.@/x', c('guid')), { ok: true, value: 'Ab-1_.@/x', warnings: [] });
    assert.equal(codeOf(strict('a b', c('guid'))), 'oneroster.value.guid');
    assert.equal(codeOf(strict('x'.repeat(256), c('guid'))), 'oneroster.value.guid');
    assert.deepEqual(codeOf(lenient('Sch#1', c('guid'))), ['oneroster.coerced.guid_charset']);
  });

  it('treats blank as null or an empty list, and blank required cells as errors', () => {
    assert.deepEqual(strict('', c('text')), { ok: true, value: null, warnings: [] });
    assert.deepEqual(strict('', c('guidList')), { ok: true, value: [], warnings: [] });
    assert.equal(codeOf(strict('', c('text', { required: true }))), 'oneroster.value.required');
  });

  it('reads calendar dates and rejects impossible ones; lenient reads M/D/YYYY with a warning', () => {
    assert.deepEqual(strict('2024-02-29', c('date')), { ok: true, value: '2024-02-29', warnings: [] });
    assert.equal(codeOf(strict('2023-02-29', c('date'))), 'oneroster.value.date');
    assert.equal(codeOf(strict('8/27/2018', c('date'))), 'oneroster.value.date');
    const us = lenient('8/27/2018', c('date'));
    assert.deepEqual(us.ok && us.value, '2018-08-27');
    assert.deepEqual(codeOf(us), ['oneroster.coerced.date_us']);
  });

  it('knows the calendar: month lengths, leap years by the Gregorian rule, no years before 0100', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2023-04-30', '2023-12-31', '0100-01-01', '9999-12-31']) assert.equal(strict(ok, c('date')).ok, true, ok);
    for (const bad of ['1900-02-29', '2023-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-01-32', '0099-12-31', '0000-01-01']) {
      assert.equal(codeOf(strict(bad, c('date'))), 'oneroster.value.date', bad);
    }
    assert.equal(codeOf(lenient('2/29/1900', c('date'))), 'oneroster.value.date');
    assert.equal(codeOf(strict('2024-1-01', c('date'))), 'oneroster.value.date');
    assert.equal(codeOf(strict('２０２４-01-01', c('date'))), 'oneroster.value.date');
  });

  it('requires the exact DateTime form in strict mode and normalises others in lenient mode', () => {
    assert.equal(strict('2012-04-23T18:25:43.511Z', c('datetime')).ok, true);
    assert.equal(codeOf(strict('2012-04-23T18:25:43Z', c('datetime'))), 'oneroster.value.datetime');
    assert.equal(codeOf(strict('2012-04-23', c('datetime'))), 'oneroster.value.datetime');
    const dateOnly = lenient('2012-04-23', c('datetime'));
    assert.deepEqual(dateOnly.ok && dateOnly.value, '2012-04-23T00:00:00.000Z');
    const offset = lenient('2017-05-06 08:01:05+02:00', c('datetime'));
    assert.deepEqual(offset.ok && offset.value, '2017-05-06T06:01:05.000Z');
  });

  it('reads lowercase booleans; TRUE only in lenient mode', () => {
    assert.deepEqual(strict('false', c('boolean')), { ok: true, value: false, warnings: [] });
    assert.equal(codeOf(strict('TRUE', c('boolean'))), 'oneroster.value.boolean');
    assert.deepEqual(codeOf(lenient('TRUE', c('boolean'))), ['oneroster.coerced.boolean_case']);
    assert.equal(codeOf(lenient('yes', c('boolean'))), 'oneroster.value.boolean');
  });

  it('checks enumerations exactly, allows ext: tokens where the version does, folds case in lenient mode', () => {
    const orgType = c('enum', { values: ORG_TYPES });
    assert.equal(strict('school', orgType).ok, true);
    assert.equal(codeOf(strict('School', orgType)), 'oneroster.value.enum');
    assert.deepEqual(codeOf(lenient('School', orgType)), ['oneroster.coerced.enum_case']);
    assert.equal(codeOf(strict('ext:campus', orgType)), 'oneroster.value.enum');
    assert.equal(strict('ext:campus', { ...orgType, extensible: true }).ok, true);
    assert.equal(strict('other', c('enum', { values: SEXES_1_2 })).ok, true);
  });

  it('reads status; lenient maps inactive to tobedeleted', () => {
    assert.equal(codeOf(strict('inactive', c('status'))), 'oneroster.value.status');
    const r = lenient('inactive', c('status'));
    assert.deepEqual(r.ok && r.value, 'tobedeleted');
    assert.deepEqual(codeOf(lenient('toBeDeleted', c('status'))), ['oneroster.coerced.enum_case']);
  });

  it('reads lists and {type:id} pairs', () => {
    assert.deepEqual(strict('t1,t2', c('guidList')), { ok: true, value: ['t1', 't2'], warnings: [] });
    assert.equal(codeOf(strict('a, b', c('textList'))), 'oneroster.value.list');
    const spaced = lenient('Science, Physics', c('textList'));
    assert.deepEqual(spaced.ok && spaced.value, ['Science', 'Physics']);
    assert.deepEqual(strict('{LDAP:jdoe},{LTI:42}', c('userIds')), {
      ok: true,
      value: [{ type: 'LDAP', id: 'jdoe' }, { type: 'LTI', id: '42' }],
      warnings: [],
    });
    assert.equal(codeOf(strict('LDAP:jdoe', c('userIds'))), 'oneroster.value.user_ids');
    assert.equal(codeOf(strict('{LDAPjdoe}', c('userIds'))), 'oneroster.value.user_ids');
    // Only a comma right after a closing brace separates items; others belong to the id.
    const commas = strict('{SIS:a,b}, {LTI:42}', c('userIds'));
    assert.deepEqual(commas.ok && commas.value, [{ type: 'SIS', id: 'a,b' }, { type: 'LTI', id: '42' }]);
    assert.equal(codeOf(strict('{LDAP:jdoe},', c('userIds'))), 'oneroster.value.user_ids');
    assert.equal(codeOf(strict('{LDAP:jdoe},,{LTI:42}', c('userIds'))), 'oneroster.value.user_ids');
  });

  it('keeps leading zeros in grades and never echoes values in messages', () => {
    assert.deepEqual(strict('09,10', c('textList')), { ok: true, value: ['09', '10'], warnings: [] });
    const bad = strict('secret@value', c('date'));
    assert.ok(!bad.ok && !bad.problem.message.includes('secret'));
  });
});
