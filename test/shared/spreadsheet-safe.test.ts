import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { format } from 'fast-csv';
import { spreadsheetSafe, spreadsheetSafeRow } from '../../src/shared/spreadsheet-safe';

describe('spreadsheet-safe cells', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    assert.equal(spreadsheetSafe("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
    assert.equal(spreadsheetSafe('+1+1'), "'+1+1");
    assert.equal(spreadsheetSafe('-2+3+cmd|x'), "'-2+3+cmd|x");
    assert.equal(spreadsheetSafe('@SUM(A1:A2)'), "'@SUM(A1:A2)");
    assert.equal(spreadsheetSafe('\t=1+1'), "'\t=1+1");
    assert.equal(spreadsheetSafe('\r=1+1'), "'\r=1+1");
  });

  it('leaves ordinary text and plain numbers as they are', () => {
    for (const value of ['Fire Safety', 'a=b', '', '-12.5', '+44', '42', "O'Brien"]) assert.equal(spreadsheetSafe(value), value);
  });

  it('makes whole rows safe and survives CSV quoting', async () => {
    const row = spreadsheetSafeRow(["=cmd|' /C calc'!A0", null, 3, 'Adams, Amy']);
    assert.deepEqual(row, ["'=cmd|' /C calc'!A0", '', '3', 'Adams, Amy']);
    const csv = await new Promise<string>((resolve, reject) => {
      let out = '';
      const stream = format();
      stream.on('data', (c: Buffer) => (out += c.toString())).on('end', () => resolve(out)).on('error', reject);
      stream.write(row);
      stream.end();
    });
    assert.equal(csv, `"'=cmd|' /C calc'!A0",,3,"Adams, Amy"`);
  });
});
