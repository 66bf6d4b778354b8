import { z } from 'zod';
import { UploadStore, withImportFile } from '../../ingest';
import type { JobHandler } from '../../jobs/job-handler';
import { imsInputFromPath } from '../import/ims-input';
import { IMS_FORMAT, importIms } from '../import/import-ims';
import { parseJobParams } from '../../jobs/job-params';

/** What an `ims` job carries; checked again when a worker picks it up. */
export const imsJobParams = z.object({
  /** A path this worker can read, or an upload kept in Postgres. */
  path: z.string().min(1).optional(),
  uploadId: z.string().regex(/^\d+$/).optional(),
  mode: z.enum(['STRICT', 'TOLERANT']).default('TOLERANT'),
  dryRun: z.boolean().default(false),
  /** ImsOptions; validated by the importer. */
  options: z.record(z.string(), z.unknown()).default({}),
});

export type ImsJobParams = z.input<typeof imsJobParams>;

export const IMS_JOB_KIND = IMS_FORMAT;

/** Runs an IMS Enterprise import queued by the mutation or started by the CLI. */
export const imsJobHandler: JobHandler = {
  async run(job, { db, progress, signal }) {
    const p = parseJobParams(imsJobParams, job.params);
    const uploads = new UploadStore(db);
    await withImportFile(uploads, p, signal, async (path) => {
      const { input, close } = await imsInputFromPath(path, signal);
      try {
        await importIms(db, job.id, { input, mode: p.mode, options: p.options, dryRun: p.dryRun, sourceLabel: job.sourceLabel }, progress, signal);
      } finally {
        await close();
      }
    });
  },
};
