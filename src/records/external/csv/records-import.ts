import type { DataSource } from 'typeorm';
import type { IdentityService } from '../../../identity';
import { digestStream, error as issueAt, FileLedger, type PackageEntry, stageFile } from '../../../ingest';
import type { ProgressReporter } from '../../../jobs/progress-reporter';
import { applyExternalRecords, EXTERNAL_STAGE_COLUMNS, type ExternalApplyOutcome } from '../external-apply';
import { checkRecordsHeader, RECORDS_CONTRACT, RECORDS_TEXT_COLUMNS, recordsRowValidator } from './records-csv';

export const RECORDS_FORMAT = 'learning-records';

export interface RecordsFile {
  readonly entry: PackageEntry;
  readonly sourceLabel: string;
  readonly sourceId?: string | null;
  readonly sha256?: Buffer;
}

export interface RecordsImportContext {
  readonly db: DataSource;
  readonly identity: IdentityService;
  readonly progress: ProgressReporter;
  readonly signal: AbortSignal;
  readonly jobId: string | null;
}

export interface RecordsImportResult {
  readonly file: string;
  /** Set when the same content was applied before (by that job): nothing was changed. */
  readonly duplicateOfJob?: string | null;
  readonly rows?: number;
  readonly accepted?: number;
  readonly duplicates?: number;
  readonly rejected?: number;
}

const TEXT_STAGE = 'records_text_stage';
const STAGE = 'records_stage';

/**
 * Imports one records CSV, like the LMS importer: the ledger first (the same bytes applied
 * before change nothing), then in one transaction the rows streamed through the checks of
 * `pushLearningRecords` into staging (a bad row is kept as an issue with its line, column and
 * rule), applied set-based; rows the apply refuses (a key sent before with other content) are
 * issues too. `dryRun` does everything and rolls back.
 */
export async function importRecordsFile(file: RecordsFile, defaultSystem: string | null, ctx: RecordsImportContext, dryRun: boolean): Promise<RecordsImportResult> {
  const { entry } = file;
  const { progress, signal } = ctx;
  progress.setPhase('reading');
  const sha256 = file.sha256 ?? (await digestStream(await entry.open())).sha256;
  await checkRecordsHeader(entry, defaultSystem);

  const ledger = new FileLedger(ctx.db.manager);
  let fileId: string | null = null;
  if (dryRun) {
    const previous = await ledger.findApplied(sha256, RECORDS_FORMAT);
    if (previous) return { file: entry.name, duplicateOfJob: previous.jobId };
  } else {
    const receipt = await ledger.receive({ sha256, name: entry.name, size: entry.declaredSize, format: RECORDS_FORMAT, sourceLabel: file.sourceLabel, sourceId: file.sourceId ?? null, jobId: ctx.jobId });
    if (receipt.previous) return { file: entry.name, duplicateOfJob: receipt.previous.jobId };
    fileId = receipt.fileId;
  }

  const queryRunner = ctx.db.createQueryRunner();
  await queryRunner.connect();
  try {
    await queryRunner.startTransaction();
    if (fileId) await ledger.markApplied(fileId, queryRunner.manager);
    const staged = await stageFile(
      entry,
      { entry: entry.name, contract: RECORDS_CONTRACT, staging: { table: TEXT_STAGE, columns: RECORDS_TEXT_COLUMNS }, validate: recordsRowValidator(defaultSystem, new Date()) },
      { queryRunner, progress, signal },
    );
    progress.setPhase('applying');
    signal.throwIfAborted();
    await queryRunner.query(`create temp table ${STAGE} (${EXTERNAL_STAGE_COLUMNS}) on commit drop`);
    await queryRunner.query(
      `insert into ${STAGE} (line, ${RECORDS_TEXT_COLUMNS.join(', ')})
       select line, idempotency_key, system, person_id, email, record_key, item_key, item_title, status, status_text, score::numeric,
              occurred_at::timestamptz, completed_at::timestamptz, valid_until::timestamptz, content_hash, raw::jsonb from ${TEXT_STAGE}`,
    );
    const outcome = await applyExternalRecords(queryRunner, ctx.identity, STAGE, fileId);
    signal.throwIfAborted();
    const refused = report(outcome, entry.name, progress);
    if (dryRun) await queryRunner.rollbackTransaction();
    else await queryRunner.commitTransaction();
    const accepted = outcome.lines.filter((l) => l.outcome === 'ACCEPTED').length;
    const duplicates = outcome.lines.filter((l) => l.outcome === 'DUPLICATE').length;
    return { file: entry.name, rows: staged.rowsRead, accepted, duplicates, rejected: staged.rowsRejected + refused };
  } catch (error) {
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    if (fileId) await ledger.markFailed(fileId);
    throw error;
  } finally {
    await queryRunner.release();
  }
}

/** Counts, and an issue per row the apply refused; returns how many it refused. */
function report(outcome: ExternalApplyOutcome, file: string, progress: ProgressReporter): number {
  let refused = 0;
  for (const line of outcome.lines) {
    if (line.outcome !== 'REJECTED') continue;
    refused++;
    progress.issue(issueAt('records.conflict', line.reason ?? 'refused', { file, line: line.line, column: 'idempotencyKey' }));
  }
  const duplicates = outcome.lines.filter((l) => l.outcome === 'DUPLICATE').length;
  const unmatched = outcome.lines.filter((l) => l.outcome === 'ACCEPTED' && l.user_id === null).length;
  progress.addCounts({ added: outcome.added, updated: outcome.updated, unchanged: duplicates, rejected: refused });
  progress.setEntityCounts({ EXTERNAL_RECORD: { added: outcome.added, updated: outcome.updated, duplicates, rejected: refused, unmatched } });
  return refused;
}
