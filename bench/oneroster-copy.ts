import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The floor to compare the import with: each CSV as is, `COPY ... (FORMAT csv, HEADER true)`
 * into a bare UNLOGGED table of text columns (no index, no constraint, no parsing in Node).
 */
export async function rawCopy(url: string, dir: string, files: readonly string[]): Promise<{ file: string; rows: number; seconds: number }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const results: { file: string; rows: number; seconds: number }[] = [];
    for (const file of files) {
      const csv = path.join(dir, `${file}.csv`);
      const width = headerWidth(csv);
      const table = `bench_copy_${file.toLowerCase()}`;
      await client.query(`drop table if exists ${table}`);
      await client.query(`create unlogged table ${table} (${Array.from({ length: width }, (_, i) => `c${i} text`).join(', ')})`);
      const started = performance.now();
      const copy = client.query(copyFrom(`copy ${table} from stdin (format csv, header true)`));
      await pipeline(createReadStream(csv), copy);
      results.push({ file, rows: copy.rowCount, seconds: (performance.now() - started) / 1000 });
      await client.query(`drop table ${table}`);
    }
    return results;
  } finally {
    await client.end();
  }
}

/** Columns in the header line (names here never contain commas or quotes). */
function headerWidth(csv: string): number {
  const buffer = Buffer.alloc(8192);
  const fd = openSync(csv, 'r');
  try {
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return (buffer.subarray(0, read).toString('utf8').split(/\r?\n/)[0] ?? '').split(',').length;
  } finally {
    closeSync(fd);
  }
}
