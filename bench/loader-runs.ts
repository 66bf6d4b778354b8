import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDataSource } from '../src/db/data-source';
import { openPackage } from '../src/ingest/package/open-package';
import { stageFile } from '../src/ingest/pipeline/stage-files';
import { createLogger } from '../src/shared/logger';

const COLUMNS = ['sourcedId', 'status', 'dateLastModified', 'username', 'givenName', 'familyName', 'email', 'note'];
const STAGING_COLUMNS = COLUMNS.map((c) => c.toLowerCase());

/** Both load the same file into a fresh temp table inside a transaction that is rolled back. */
export const loaderRuns = [
  { name: 'raw-copy', label: 'raw COPY … (FORMAT csv) of the file' },
  { name: 'pipeline', label: 'stageFile: readCsv → validate → COPY text' },
] as const;

export async function runLoader(name: string, file: string, url: string): Promise<{ rows: number; seconds: number }> {
  return name === 'raw-copy' ? rawCopy(file, url) : stagePipeline(file, url);
}

async function rawCopy(file: string, url: string): Promise<{ rows: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`create temp table stage (${STAGING_COLUMNS.map((c) => `"${c}" text`).join(', ')}) on commit drop`);
    const started = process.hrtime.bigint();
    const copy = client.query(copyFrom('copy stage from stdin (format csv, header true)'));
    await pipeline(createReadStream(file), copy);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await client.query('rollback');
    return { rows: copy.rowCount, seconds };
  } finally {
    await client.end();
  }
}

async function stagePipeline(file: string, url: string): Promise<{ rows: number; seconds: number }> {
  const ds = createDataSource(url, createLogger('warn', 'bench'), { poolSize: 1 });
  await ds.initialize();
  const queryRunner = ds.createQueryRunner();
  const pkg = await openPackage(file);
  try {
    await queryRunner.startTransaction();
    const entry = pkg.entries[0];
    if (!entry) throw new Error('no entry');
    const started = process.hrtime.bigint();
    const staged = await stageFile(
      entry,
      {
        entry: entry.name,
        contract: { columns: COLUMNS, mode: 'strict', multiline: false, keyColumn: 'sourcedId' },
        staging: { table: 'stage', columns: STAGING_COLUMNS },
        validate: (row) => ({ values: row.values }),
      },
      { queryRunner, progress: { setPhase: () => {}, advance: () => {}, issue: () => {}, addCounts: () => {} }, signal: new AbortController().signal },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await queryRunner.rollbackTransaction();
    return { rows: staged.rowsStaged, seconds };
  } finally {
    await pkg.close();
    await queryRunner.release();
    await ds.destroy();
  }
}
