import type { DataSource } from 'typeorm';
import { CappedWarnings, FileLedger, warning } from '../../ingest';
import type { ProgressReporter } from '../../jobs/progress-reporter';
import { DomainError } from '../../shared/domain-error';
import { ApplyContext } from '../apply/apply-context';
import { applyGroups } from '../apply/apply-groups';
import { applyMembers } from '../apply/apply-members';
import { applyPersons } from '../apply/apply-persons';
import { matchImsGroups } from '../apply/match-groups';
import { matchImsPersons } from '../apply/match-persons';
import { reportOutcomes } from '../apply/report-outcomes';
import { createWorkingTables } from '../apply/working-tables';
import { resolveImsOptions } from '../options/ims-options';
import { optionsFingerprint } from '../options/options-fingerprint';
import { stageIms, type StagedIms } from '../stage/stage-ims';
import { emptySummary, readImsXml } from '../xml/read-ims-xml';
import type { ParseMode } from '../xml/record-reader';
import type { ImsInput } from './ims-input';
import { finishCounts, type ImsImportResult } from './import-result';

export const IMS_FORMAT = 'ims';

export interface ImsImportRequest {
  readonly input: ImsInput;
  readonly mode: ParseMode;
  /** ImsOptions as given (job parameters, GraphQL input, a source's format options). */
  readonly options: unknown;
  /** Read, apply and count everything, then roll back. */
  readonly dryRun: boolean;
  /** Where the file came from, for people and the ledger. */
  readonly sourceLabel: string;
  readonly sourceId?: string | null;
}

/**
 * Imports one IMS Enterprise file: ledger (the same file with the same options changes
 * nothing), streamed staging, identity matching, then persons, groups and memberships applied
 * set-based, all in one transaction, which a dry run rolls back. A file-level problem
 * (malformed XML in strict mode, entity declarations, unreadable encoding) throws a FileError
 * and nothing is applied; every element that is skipped becomes an issue with its reason.
 */
export async function importIms(db: DataSource, jobId: string, request: ImsImportRequest, progress: ProgressReporter, signal: AbortSignal): Promise<ImsImportResult> {
  const options = resolveImsOptions(request.options);
  const file = request.input.name;
  const format = `${IMS_FORMAT}:${options.system}:${optionsFingerprint(request.mode, options)}`;
  const warnings = new CappedWarnings(progress);
  const ledger = new FileLedger(db.manager);
  progress.setPhase('reading');
  progress.setResult({ system: options.system, mode: request.mode, dryRun: request.dryRun });

  let fileId: string | null = null;
  const duplicate = async (sha256: Buffer, size: number): Promise<ImsImportResult | null> => {
    if (request.dryRun) {
      const previous = await ledger.findApplied(sha256, format);
      if (previous) progress.issue(warning('ingest.file.duplicate', `this file was already applied with these options by job ${previous.jobId ?? '?'}`, { file }));
      return null;
    }
    const receipt = await ledger.receive({ sha256, name: file, size, format, sourceLabel: request.sourceLabel, sourceId: request.sourceId ?? null, jobId });
    fileId = receipt.fileId;
    if (receipt.status !== 'duplicate') return null;
    const previousJob = receipt.previous?.jobId ?? null;
    progress.issue(warning('ingest.file.duplicate', `this file was already applied with these options by job ${previousJob ?? '?'}; nothing was changed`, { file }));
    progress.setResult({ duplicateOfJob: previousJob });
    return { duplicateOfJob: previousJob, targetMismatch: false, ...finishCounts({}) };
  };

  try {
    if (request.input.sha256) {
      const early = await duplicate(request.input.sha256, request.input.size ?? 0);
      if (early) return early;
    }
    const queryRunner = db.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    try {
      // One IMS import per system at a time: their upserts touch the same rows.
      await queryRunner.query(`select pg_advisory_xact_lock(hashtext($1))`, [`ims:${options.system}`]);
      if (fileId) await ledger.markApplied(fileId, queryRunner.manager, { snapshot: true });
      progress.setPhase('loading');
      const summary = emptySummary();
      const unread = { persons: 0, groups: 0, memberships: 0 };
      const records = readImsXml(
        await request.input.open(),
        {
          file,
          mode: request.mode,
          hash: !request.input.sha256,
          onIssue: (d) => warnings.issue(d),
          onRejected: (element) => {
            unread[element === 'person' ? 'persons' : element === 'group' ? 'groups' : 'memberships'] += 1;
          },
        },
        summary,
      );
      const staged: StagedIms = await stageIms(records, {
        queryRunner,
        file,
        tolerant: request.mode === 'TOLERANT',
        options,
        report: (d) => warnings.issue(d),
        advance: (n) => progress.advance(n),
        signal,
      });
      progress.setResult({ encoding: summary.encoding, bytes: summary.bytes, elements: summary.elements });
      if (!request.input.sha256 && summary.sha256) {
        const late = await duplicate(summary.sha256, summary.bytes);
        if (late) {
          await queryRunner.rollbackTransaction();
          return late;
        }
        if (fileId) await ledger.markApplied(fileId, queryRunner.manager, { snapshot: true });
      }

      const ctx = new ApplyContext(queryRunner, options, staged.datasource, signal);
      if (staged.targetMismatch) {
        progress.issue(
          warning('ims.properties.target_mismatch', `the file's <properties> do not name the target "${options.restrictTarget ?? ''}" (restrictTarget); nothing was applied`, {
            file,
          }),
        );
        progress.setResult({ targetMismatch: true });
      } else {
        progress.setPhase('matching');
        await createWorkingTables(ctx);
        await matchImsPersons(ctx);
        await matchImsGroups(ctx);
        progress.setPhase('applying');
        await applyPersons(ctx);
        await applyGroups(ctx);
        await applyMembers(ctx);
        progress.setPhase('reporting');
        await reportOutcomes(ctx, file, (d) => progress.issue(d));
      }
      ctx.count('persons', 'rejected', staged.rejected.persons + unread.persons);
      ctx.count('groups', 'rejected', staged.rejected.groups + unread.groups);
      ctx.count('memberships', 'rejected', staged.rejected.memberships + unread.memberships);
      warnings.flush();
      const { entities, totals } = finishCounts(Object.fromEntries(ctx.counts));
      progress.setEntityCounts(entities);
      progress.addCounts(totals);
      signal.throwIfAborted();
      if (request.dryRun) await queryRunner.rollbackTransaction();
      else await queryRunner.commitTransaction();
      return { duplicateOfJob: null, targetMismatch: staged.targetMismatch, entities, totals };
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
      throw error;
    } finally {
      await queryRunner.release();
    }
  } catch (error) {
    // Nothing was applied: the same file may come again and be imported then.
    if (fileId && !(error instanceof DomainError && error.code === 'DUPLICATE_FILE')) await ledger.markFailed(fileId).catch(() => {});
    throw error;
  }
}
