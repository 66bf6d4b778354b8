import path from 'node:path';
import { z } from 'zod';
import type { IdentityService } from '../../identity';
import { openPackage, UploadStore, withImportFile } from '../../ingest';
import type { JobHandler, JobRunContext } from '../../jobs/job-handler';
import { IssueSeverity } from '../../jobs/sync-job-status';
import type { SyncJobEntity } from '../../jobs/sync-job.entity';
import { DomainError } from '../../shared/domain-error';
import { LmsFileType, parseLmsFileName, TYPE_ORDER } from './lms-file-type';
import { importLmsFile, type LmsImportResult } from './lms-import';
import { parseLmsOptions } from './lms-options';
import { parseJobParams } from '../../jobs/job-params';

export const LMS_JOB_KIND = 'lms';

/** What an `lms` job carries; checked again when a worker picks it up. */
export const lmsJobParams = z
  .object({
    path: z.string().min(1).optional(),
    uploadId: z.string().min(1).optional(),
    fileType: z.enum(Object.values(LmsFileType) as [LmsFileType, ...LmsFileType[]]).nullable().optional(),
    options: z.record(z.string(), z.unknown()).default({}),
    dryRun: z.boolean().default(false),
  })
  .refine((p) => (p.path === undefined) !== (p.uploadId === undefined), 'exactly one of path and uploadId');

export type LmsJobParams = z.input<typeof lmsJobParams>;

/**
 * Runs `lms` jobs: one file (uploaded or on the server), or every LMS file of a folder or zip,
 * each imported alone, in business-date order (then attempts before completions). A file
 * that fails stops the job; files before it stay applied, and running the job again skips
 * them as duplicates.
 */
export function lmsJobHandler(identity: IdentityService): JobHandler {
  return {
    async run(job: SyncJobEntity, context: JobRunContext): Promise<void> {
      const params = parseJobParams(lmsJobParams, job.params);
      const options = parseLmsOptions(params.options);
      const uploads = new UploadStore(context.db);
      const results: LmsImportResult[] = [];
      await withImportFile(uploads, params, context.signal, async (local) => {
        const pkg = await openPackage(local);
        try {
          const entries = pkg.kind === 'file' ? [...pkg.entries] : inDateOrder(pkg.entries, context);
          if (entries.length === 0) throw new DomainError('INVALID_FILE', `${pkg.label} holds no LMS files (SCORMYYYYMMDD, F2FYYYYMMDD, ...)`);
          for (const entry of entries) {
            context.signal.throwIfAborted();
            const result = await importLmsFile(
              { entry, sourceLabel: job.sourceLabel, fileType: pkg.kind === 'file' ? (params.fileType ?? null) : null },
              options,
              { db: context.db, identity, progress: context.progress, signal: context.signal, jobId: job.id },
              params.dryRun,
            );
            results.push(result);
            // Kept up to date file by file: a job that fails on a later file still shows what it applied.
            context.progress.setResult({ dryRun: params.dryRun, files: results.map(summary) });
          }
        } finally {
          await pkg.close();
        }
      });
      const only = results.length === 1 ? results[0] : undefined;
      if (only?.duplicateOfJob !== undefined) context.progress.setResult({ duplicateOfJob: only.duplicateOfJob });
    },
  };
}

/** A folder's or zip's LMS files by business date, then type; other files are skipped with a warning. */
function inDateOrder<E extends { name: string }>(entries: readonly E[], context: JobRunContext): E[] {
  const named = entries.flatMap((entry) => {
    const name = parseLmsFileName(entry.name);
    if (!name) {
      context.progress.issue({ severity: IssueSeverity.WARNING, code: 'lms.file.skipped', message: 'not an LMS file name; skipped', file: path.basename(entry.name) });
      return [];
    }
    return [{ entry, ...name }];
  });
  named.sort((a, b) => a.businessDate.localeCompare(b.businessDate) || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.entry.name.localeCompare(b.entry.name));
  return named.map((n) => n.entry);
}

function summary(r: LmsImportResult): Record<string, unknown> {
  return {
    file: r.file,
    fileType: r.fileType,
    businessDate: r.businessDate,
    ...(r.duplicateOfJob !== undefined ? { skipped: 'the same content was imported before; nothing was changed', duplicateOfJob: r.duplicateOfJob } : {}),
    ...(r.outcome
      ? {
          rows: r.rows,
          added: r.outcome.added,
          updated: r.outcome.updated,
          unchanged: r.outcome.unchanged,
          stale: r.outcome.stale,
          merged: r.outcome.merged,
          itemsCreated: r.outcome.itemsCreated,
          people: r.outcome.people,
          unmatchedRecords: r.outcome.unmatchedRows,
        }
      : {}),
  };
}
