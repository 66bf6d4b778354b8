import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { generateChanges, generateFullExport, rowCounts, writeExport } from './generator';
import { importExport, storedState, tableCounts, tempDir } from './support';

describe('EdReflect import: full, change-only, same again', () => {
  let app: TestApp;
  const full = generateFullExport();
  const { changes, after: afterChanges } = generateChanges(full);
  const fullDir = writeExport(tempDir('full'), full);
  const changesDir = writeExport(tempDir('changes'), changes);

  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await app?.close();
  });

  it('stores every row of every table of a full export', async () => {
    const outcome = await importExport(app, { path: fullDir });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? outcome.issues.join('\n'));
    assert.equal(outcome.result['mode'], 'FULL');
    assert.deepEqual(outcome.issues, []);
    const expected = rowCounts(full);
    assert.deepEqual(await tableCounts(app), expected);
    assert.equal(outcome.counts.added, Object.values(expected).reduce((a, b) => a + b, 0));
    assert.ok(Object.keys(expected).length >= 90, `only ${Object.keys(expected).length} tables`);
    // Values are kept exactly as sent, quotes and line breaks included.
    const [user] = (await app.db.dataSource.query(`select "values" from edreflect_row where table_name = 'users' order by line limit 1`)) as { values: Record<string, string> }[];
    assert.equal(user?.values['notes'], 'Line one, "quoted"\nline two');
  });

  it('applies a change-only export: listed models replaced, the rest untouched', async () => {
    const outcome = await importExport(app, { path: changesDir });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? outcome.issues.join('\n'));
    assert.equal(outcome.result['mode'], 'CHANGES');
    assert.deepEqual(outcome.issues, []);
    assert.deepEqual(await tableCounts(app), rowCounts(afterChanges));
    const level4 = 'rubrics.indicators.indicators.indicators.indicators';
    assert.deepEqual(
      { rubrics: outcome.tables['rubrics']?.updated, level4: [outcome.tables[level4]?.added, outcome.tables[level4]?.deleted], users: [outcome.tables['users']?.updated, outcome.tables['users']?.deleted], observations: outcome.tables['observations']?.added },
      { rubrics: 1, level4: [1, 1], users: [1, 1], observations: 1 },
    );
    // The state equals a full import of the day after, in another system.
    const check = await importExport(app, { path: writeExport(tempDir('after'), afterChanges), system: 'check' });
    assert.equal(check.status, 'SUCCEEDED');
    assert.deepEqual(await storedState(app), await storedState(app, 'check'));
  });

  it('changes nothing when the same change-only export comes again', async () => {
    const before = await storedState(app);
    const outcome = await importExport(app, { path: changesDir });
    assert.equal(outcome.status, 'SUCCEEDED');
    assert.deepEqual(outcome.issues.map((i) => i.split(' ')[1]), ['ingest.file.duplicate']);
    assert.deepEqual([outcome.counts.added, outcome.counts.updated, outcome.counts.deleted], [0, 0, 0]);
    assert.deepEqual(await storedState(app), before);
  });

  it('replaces everything with a full export, and a copy of it under another name changes nothing', async () => {
    const first = await importExport(app, { path: fullDir });
    assert.equal(first.status, 'SUCCEEDED');
    assert.deepEqual(await tableCounts(app), rowCounts(full));
    const before = await storedState(app);
    const copy = await importExport(app, { path: writeExport(tempDir('copy'), full) });
    assert.equal(copy.status, 'SUCCEEDED');
    assert.deepEqual([copy.counts.added, copy.counts.updated, copy.counts.deleted], [0, 0, 0]);
    assert.deepEqual(await storedState(app), before);
  });
});
