import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { DataSource } from 'typeorm';
import { rawCopyCsv } from '../raw-copy';
import { createIdentity } from '../../src/app/identity';
import { openPackage, stageFile } from '../../src/ingest';
import { ProgressReporter } from '../../src/jobs/progress-reporter';
import { SyncJobEntity } from '../../src/jobs/sync-job.entity';
import { importLmsFile, parseLmsOptions } from '../../src/records';
import { resolveColumns } from '../../src/records/lms/lms-columns';
import { LmsFileType } from '../../src/records/lms/lms-file-type';
import { LMS_STAGING_COLUMNS, lmsRowValidator } from '../../src/records/lms/lms-row-validator';

export interface ImportFigures {
  readonly rows: number;
  readonly rawCopySeconds: number;
  readonly importSeconds: number;
  readonly added: number;
}

const HEADER = ['username', 'uniqueid', 'Date', 'SCORM Name', 'Sco Name', 'Status', 'Attempt Number', 'Score'];
const STATUSES = ['passed', 'completed', 'failed', 'incomplete'];

/** A SCORM file as the LMS writes it: every value quoted, CRLF, learners that exist; `nonce` makes its bytes new (the ledger skips a file seen before). */
export async function writeScormFile(file: string, rows: number, users: number, nonce = String(Date.now())): Promise<void> {
  const out = createWriteStream(file);
  const write = async (line: string): Promise<void> => {
    if (!out.write(line)) await once(out, 'drain');
  };
  const q = (values: (string | number)[]): string => values.map((v) => `"${v}"`).join(',') + '\r\n';
  await write(q(HEADER));
  for (let i = 1; i <= rows; i++) {
    const u = 1 + ((i * 7) % users);
    const day = 1 + (i % 28);
    await write(q([`u${u}`, `S${u}`, `2026-02-${String(day).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`, `Bench Module ${i % 300}`, `SCO ${nonce}`, STATUSES[i % 4] as string, 1 + Math.floor(i / users), i % 100]));
  }
  out.end();
  await once(out, 'finish');
}

/** `COPY … (FORMAT csv, HEADER)` of the file into a text table with its columns: the floor. */
export function rawCopy(url: string, file: string): Promise<{ rows: number; seconds: number }> {
  return rawCopyCsv(url, file, HEADER);
}

/** The whole LMS import of the file, as a job runs it: ledger, parse, validate, stage, match, upsert, history. */
export async function lmsImport(db: DataSource, file: string, system: string): Promise<{ seconds: number; added: number }> {
  const job = await db.getRepository(SyncJobEntity).save({ kind: 'lms', sourceLabel: 'bench', params: {} });
  const progress = new ProgressReporter(db, job.id, () => {});
  const pkg = await openPackage(file);
  try {
    const started = process.hrtime.bigint();
    const result = await importLmsFile(
      { entry: pkg.entries[0]!, sourceLabel: 'bench' },
      parseLmsOptions({ system }),
      { db, identity: createIdentity(db), progress, signal: new AbortController().signal, jobId: job.id },
      false,
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await progress.flush();
    return { seconds, added: result.outcome?.added ?? 0 };
  } finally {
    await pkg.close();
  }
}

/**
 * The import's loading half alone, in a transaction rolled back: read the header, parse,
 * validate each row (dates, statuses, identity values) and COPY into staging. The rest of an
 * import is the set-based apply (matching, upserts, history).
 */
export async function lmsStageOnly(db: DataSource, file: string): Promise<{ rows: number; seconds: number }> {
  const pkg = await openPackage(file);
  const queryRunner = db.createQueryRunner();
  await queryRunner.connect();
  try {
    const entry = pkg.entries[0]!;
    const options = parseLmsOptions({});
    const started = process.hrtime.bigint();
    const columns = await resolveColumns(entry, LmsFileType.SCORM, options);
    await queryRunner.startTransaction();
    const staged = await stageFile(
      entry,
      { entry: entry.name, contract: columns.contract, staging: { table: 'lms_stage', columns: LMS_STAGING_COLUMNS }, validate: lmsRowValidator(LmsFileType.SCORM, columns, options) },
      { queryRunner, progress: { setPhase: () => {}, advance: () => {}, issue: () => {}, addCounts: () => {} }, signal: new AbortController().signal },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await queryRunner.rollbackTransaction();
    return { rows: staged.rowsStaged, seconds };
  } finally {
    await queryRunner.release();
    await pkg.close();
  }
}
