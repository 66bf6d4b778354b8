import { z } from 'zod';
import type { IdentityService } from '../identity';
import { UploadStore, withImportFile } from '../ingest';
import type { JobHandler } from '../jobs/job-handler';
import { parseEdReflectIdentity } from './identity/edreflect-identity';
import { EDREFLECT_FORMAT, importEdReflect } from './importer';
import { parseJobParams } from '../jobs/job-params';

/** What an `edreflect` job carries; checked again when the worker picks it up. */
export const edReflectJobParams = z.object({
  path: z.string().min(1).optional(),
  uploadId: z.string().regex(/^\d+$/).optional(),
  dryRun: z.boolean().default(false),
  system: z.string().min(1).default('default'),
  /** `{ rules: [{ field, kinds }] }` for users.csv; absent = the defaults. */
  identity: z.unknown().optional(),
});

export type EdReflectJobParams = z.infer<typeof edReflectJobParams>;

export const EDREFLECT_JOB_KIND = EDREFLECT_FORMAT;

export function edReflectJobHandler(people: IdentityService): JobHandler {
  return {
    async run(job, { db, progress, signal }) {
      const p = parseJobParams(edReflectJobParams, job.params);
      const identity = parseEdReflectIdentity(p.identity);
      const uploads = new UploadStore(db);
      await withImportFile(uploads, p, signal, (path) =>
        importEdReflect(db, job.id, { path, dryRun: p.dryRun, system: p.system, label: job.sourceLabel, identity }, progress, signal, people),
      );
    },
  };
}
