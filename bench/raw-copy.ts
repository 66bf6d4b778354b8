import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The floor an import is compared with: the CSV as is, `COPY … (FORMAT csv, HEADER)` into a
 * temp table of text columns (no index, no constraint, no parsing in Node), rolled back.
 */
export async function rawCopyCsv(url: string, file: string, columns: readonly string[]): Promise<{ rows: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`create temp table raw_copy (${columns.map((c) => `"${c}" text`).join(', ')}) on commit drop`);
    const started = process.hrtime.bigint();
    const copy = client.query(copyFrom('copy raw_copy from stdin (format csv, header true)'));
    await pipeline(createReadStream(file), copy);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await client.query('rollback');
    return { rows: copy.rowCount, seconds };
  } finally {
    await client.end();
  }
}
