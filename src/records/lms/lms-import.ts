import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { IdentityService } from '../../identity';
import { FileError, FileLedger, type PackageEntry, stageFile } from '../../ingest';
import type { ProgressReporter } from '../../jobs/progress-reporter';
import { IssueSeverity } from '../../jobs/sync-job-status';
import { applyLmsFile, type ApplyOutcome } from './lms-apply';
import { resolveColumns } from './lms-columns';
import { KIND_OF, LmsFileType, parseLmsFileName } from './lms-file-type';
import type { LmsOptions } from './lms-options';
import { LMS_STAGING_COLUMNS, lmsRowValidator } from './lms-row-validator';

/** One LMS file to import, however it was delivered. */
export interface LmsFile {
  readonly entry: PackageEntry;
  /** For people and the ledger: an upload's name, a path, a source's name. */
  readonly sourceLabel: string;
  readonly sourceId?: string | null;
  /** Known already (a source spooled it); otherwise read once more to compute it. */
  readonly sha256?: Buffer;
  /** The file type; told by the name when not given. */
  readonly fileType?: LmsFileType | null;
  /** `YYYY-MM-DD`; told by the name when not given. */
  readonly businessDate?: string | null;
}

export interface LmsImportContext {
  readonly db: DataSource;
  readonly identity: IdentityService;
  readonly progress: ProgressReporter;
  readonly signal: AbortSignal;
  readonly jobId: string | null;
}

export interface LmsImportResult {
  readonly file: string;
  readonly fileType: LmsFileType;
  readonly businessDate: string | null;
  /** Set when the same content was applied before (by that job): nothing was changed. */
  readonly duplicateOfJob?: string | null;
  readonly rows?: number;
  readonly outcome?: ApplyOutcome;
}

const STAGE = 'lms_stage';

/**
 * Imports one LMS file alone, all of it or nothing: the ledger first (the same bytes applied
 * before change nothing), then in one transaction the rows streamed through validation into
 * staging and applied set-based. `dryRun` does everything and rolls back, leaving no trace.
 */
export async function importLmsFile(file: LmsFile, options: LmsOptions, ctx: LmsImportContext, dryRun: boolean): Promise<LmsImportResult> {
  const { entry } = file;
  const named = parseLmsFileName(entry.name);
  const fileType = file.fileType ?? named?.type;
  if (!fileType) {
    throw new FileError(
      'lms.file.type_unknown',
      'the file type cannot be told from the name (SCORMYYYYMMDD, F2FYYYYMMDD, QuizYYYYMMDD, CompletionYYYYMMDD, Pathway…YYYYMMDD); name it so or give fileType',
      { file: entry.name },
    );
  }
  const businessDate = file.businessDate ?? named?.businessDate ?? null;
  const base = { file: entry.name, fileType, businessDate };
  const { progress, signal } = ctx;
  progress.setPhase('reading');
  const { sha256, size, lines } = file.sha256 ? { sha256: file.sha256, size: entry.declaredSize, lines: null } : await digest(entry, signal);
  if (lines !== null) progress.setTotal(Math.max(0, lines - 1));

  const ledger = new FileLedger(ctx.db.manager);
  const format = `lms-${fileType.toLowerCase()}`;
  let fileId: string | null = null;
  if (dryRun) {
    const previous = await ledger.findApplied(sha256, format);
    if (previous) return { ...base, duplicateOfJob: previous.jobId };
  } else {
    const receipt = await ledger.receive({ sha256, name: entry.name, size, format, sourceLabel: file.sourceLabel, sourceId: file.sourceId ?? null, jobId: ctx.jobId });
    if (receipt.previous) return { ...base, duplicateOfJob: receipt.previous.jobId };
    fileId = receipt.fileId;
  }

  const columns = await resolveColumns(entry, fileType, options);
  const queryRunner = ctx.db.createQueryRunner();
  await queryRunner.connect();
  try {
    await queryRunner.startTransaction();
    // Set-based apply sorts and hashes whole files (DISTINCT ON, joins on identity values);
    // the default 4 MB would spill a 100k-row file to disk. Only for this transaction.
    await queryRunner.query(`set local work_mem = '128MB'`);
    if (fileId) await ledger.markApplied(fileId, queryRunner.manager);
    const staged = await stageFile(
      entry,
      { entry: entry.name, contract: columns.contract, staging: { table: STAGE, columns: LMS_STAGING_COLUMNS }, validate: lmsRowValidator(fileType, columns, options) },
      { queryRunner, progress, signal },
    );
    progress.setPhase('applying');
    signal.throwIfAborted();
    const outcome = await applyLmsFile(queryRunner, ctx.identity, { kind: KIND_OF[fileType], stage: STAGE, options, businessDate, fileId });
    signal.throwIfAborted();
    if (dryRun) await queryRunner.rollbackTransaction();
    else await queryRunner.commitTransaction();
    report(outcome, staged.rowsStaged, fileType, progress);
    return { ...base, rows: staged.rowsRead, outcome };
  } catch (error) {
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    if (fileId) await ledger.markFailed(fileId);
    throw error;
  } finally {
    await queryRunner.release();
  }
}

function report(outcome: ApplyOutcome, staged: number, fileType: LmsFileType, progress: ProgressReporter): void {
  progress.addCounts({ added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged + outcome.stale + outcome.merged });
  progress.setEntityCounts({
    [KIND_OF[fileType]]: { added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged, stale: outcome.stale, merged: outcome.merged, staged },
    people: { ...outcome.people },
  });
  if (outcome.people.ambiguous > 0) {
    progress.issue({
      severity: IssueSeverity.WARNING,
      code: 'identity.ambiguous',
      message: `${outcome.people.ambiguous} person(s) carry identifiers of more than one user; their records are kept unmatched until linked (see identityCollisions and unmatchedRecords)`,
    });
  }
  if (outcome.unmatchedRows > 0) {
    progress.issue({
      severity: IssueSeverity.WARNING,
      code: 'identity.unmatched',
      message: `${outcome.unmatchedRows} record(s) match no user yet; they are kept and matched when their user arrives or is linked (see unmatchedRecords)`,
    });
  }
}

/** SHA-256, size and line count of the entry in one pass (the count sizes the progress bar). */
async function digest(entry: PackageEntry, signal: AbortSignal): Promise<{ sha256: Buffer; size: number; lines: number }> {
  const hash = createHash('sha256');
  let size = 0;
  let lines = 0;
  const stream = await entry.open();
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    signal.throwIfAborted();
    hash.update(chunk);
    size += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { sha256: hash.digest(), size, lines };
}

