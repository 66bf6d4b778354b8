import { createDataSource } from '../src/db/data-source';
import { openPackage } from '../src/ingest/package/open-package';
import { stageFile } from '../src/ingest/pipeline/stage-files';
import { createLogger } from '../src/shared/logger';
import { rawCopyCsv } from './raw-copy';

const COLUMNS = ['sourcedId', 'status', 'dateLastModified', 'username', 'givenName', 'familyName', 'email', 'note'];
const STAGING_COLUMNS = COLUMNS.map((c) => c.toLowerCase());

/** Both load the same file into a fresh temp table inside a transaction that is rolled back. */
export const loaderRuns = [
  { name: 'raw-copy', label: 'raw COPY … (FORMAT csv) of the file' },
  { name: 'pipeline', label: 'stageFile: readCsv → validate → COPY text' },
] as const;

export async function runLoader(name: string, file: string, url: string): Promise<{ rows: number; seconds: number }> {
  return name === 'raw-copy' ? rawCopyCsv(url, file, STAGING_COLUMNS) : stagePipeline(file, url);
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
