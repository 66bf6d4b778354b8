import { z } from 'zod';
import { UploadStore, withImportFile } from '../../ingest';
import type { JobHandler } from '../../jobs/job-handler';
import { importOneRoster, ONEROSTER_FORMAT } from './importer';
import { parseJobParams } from '../../jobs/job-params';

/** What a `oneroster` job carries; checked again when the worker picks it up. */
export const oneRosterJobParams = z.object({
  /** A path this worker can read, or an upload kept in Postgres. */
  path: z.string().min(1).optional(),
  uploadId: z.string().regex(/^\d+$/).optional(),
  strictness: z.enum(['STRICT', 'LENIENT']).default('STRICT'),
  dryRun: z.boolean().default(false),
  force: z.boolean().default(false),
  deleteThreshold: z.number().min(0).max(1).default(0.2),
  system: z.string().min(1).default('default'),
});

export type OneRosterJobParams = z.infer<typeof oneRosterJobParams>;

export const ONEROSTER_JOB_KIND = ONEROSTER_FORMAT;

export const oneRosterJobHandler: JobHandler = {
  async run(job, { db, progress, signal }) {
    const p = parseJobParams(oneRosterJobParams, job.params);
    const uploads = new UploadStore(db);
    await withImportFile(uploads, p, signal, (path) =>
      importOneRoster(
        db,
        job.id,
        { path, strictness: p.strictness, dryRun: p.dryRun, force: p.force, deleteThreshold: p.deleteThreshold, system: p.system, label: job.sourceLabel },
        progress,
        signal,
      ),
    );
  },
};
