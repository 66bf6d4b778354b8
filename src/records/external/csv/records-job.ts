import { z } from 'zod';
import type { IdentityService } from '../../../identity';
import { openPackage, UploadStore, withImportFile } from '../../../ingest';
import type { JobHandler, JobRunContext } from '../../../jobs/job-handler';
import type { SyncJobEntity } from '../../../jobs/sync-job.entity';
import { DomainError } from '../../../shared/domain-error';
import { importRecordsFile, type RecordsImportResult } from './records-import';
import { parseJobParams } from '../../../jobs/job-params';

export const RECORDS_JOB_KIND = 'learning-records';

/** What a `learning-records` job carries; checked again when a worker picks it up. */
export const recordsJobParams = z
  .object({
    path: z.string().min(1).optional(),
    uploadId: z.string().min(1).optional(),
    system: z.string().min(1).max(200).nullable().optional(),
    dryRun: z.boolean().default(false),
  })
  .refine((p) => (p.path === undefined) !== (p.uploadId === undefined), 'exactly one of path and uploadId');

export type RecordsJobParams = z.input<typeof recordsJobParams>;

/**
 * Runs `learning-records` jobs: one records CSV (uploaded or on the server), or every `.csv`
 * of a folder or zip in name order, each imported alone. A file that fails stops the job;
 * files before it stay applied, and running the job again skips them as duplicates.
 */
export function recordsJobHandler(identity: IdentityService): JobHandler {
  return {
    async run(job: SyncJobEntity, context: JobRunContext): Promise<void> {
      const params = parseJobParams(recordsJobParams, job.params);
      const uploads = new UploadStore(context.db);
      const results: RecordsImportResult[] = [];
      await withImportFile(uploads, params, context.signal, async (local) => {
        const pkg = await openPackage(local);
        try {
          const entries = pkg.kind === 'file' ? [...pkg.entries] : pkg.entries.filter((e) => e.name.toLowerCase().endsWith('.csv')).sort((a, b) => a.name.localeCompare(b.name));
          if (entries.length === 0) throw new DomainError('INVALID_FILE', `${pkg.label} holds no .csv files`);
          for (const entry of entries) {
            context.signal.throwIfAborted();
            results.push(
              await importRecordsFile(
                { entry, sourceLabel: job.sourceLabel },
                params.system ?? null,
                { db: context.db, identity, progress: context.progress, signal: context.signal, jobId: job.id },
                params.dryRun,
              ),
            );
            context.progress.setResult({ dryRun: params.dryRun, files: results });
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
