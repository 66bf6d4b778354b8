import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { readCsv } from '../../src/ingest/csv/read-csv';
import { tempDir } from './fixtures';

const MiB = 1024 * 1024;

/** Writes `rows` quoted CSV rows of about 105 bytes each, streaming (the test's own memory stays flat). */
async function writeBigCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('"sourcedId","status","dateLastModified","username","givenName","familyName","email","note"\r\n');
  for (let i = 1; i <= rows; i += 1_000) {
    let batch = '';
    for (let j = i; j < i + 1_000 && j <= rows; j++) {
      batch += `"u-${j}","active","2024-09-01T08:00:00.000Z","user${j}","Zoë","O'Neil, Jr.","user${j}@example.org","said ""hi"""\r\n`;
    }
    if (!out.write(batch)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

describe('memory', () => {
  const tmp = tempDir('memory');
  after(() => tmp.remove());

  it('parses a ~200 MB CSV with flat memory (RSS grows by less than 100 MB)', { timeout: 300_000 }, async (t) => {
    const file = tmp.file('big.csv');
    await writeBigCsv(file, 1_900_000);
    const size = statSync(file).size;
    assert.ok(size > 190 * MiB, `the file is ${Math.round(size / MiB)} MiB`);

    const baseline = process.memoryUsage.rss();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 20);
    const started = Date.now();
    let rows = 0;
    let lastLine = 0;
    try {
      const reader = await readCsv(createReadStream(file), { file: 'big.csv', multiline: false });
      for await (const item of reader) {
        assert.equal(item.kind, 'record');
        rows++;
        lastLine = item.line;
      }
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage.rss());
    const seconds = (Date.now() - started) / 1000;
    assert.equal(rows, 1_900_000);
    assert.equal(lastLine, 1_900_001);
    const growth = (peak - baseline) / MiB;
    t.diagnostic(`${Math.round(size / MiB)} MiB, ${rows} rows in ${seconds.toFixed(1)} s; RSS ${(baseline / MiB).toFixed(0)} → peak ${(peak / MiB).toFixed(0)} MiB (+${growth.toFixed(1)})`);
    assert.ok(growth < 100, `RSS grew by ${growth.toFixed(1)} MiB while parsing ${Math.round(size / MiB)} MiB`);

  });
});
