import { z } from 'zod';
import type { IdentityService } from '../identity';
import { UploadStore, withImportFile } from '../ingest';
import type { JobHandler } from '../jobs/job-handler';
import { DomainError } from '../shared/domain-error';
import { parseEdReflectIdentity } from './identity/edreflect-identity';
import { EDREFLECT_FORMAT, importEdReflect } from './importer';

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
      const parsed = edReflectJobParams.safeParse(job.params);
      if (!parsed.success) throw new DomainError('BAD_USER_INPUT', `invalid job parameters: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      const p = parsed.data;
      const identity = parseEdReflectIdentity(p.identity);
      const uploads = new UploadStore(db);
      const input = { ...(p.path ? { path: p.path } : {}), ...(p.uploadId ? { uploadId: p.uploadId } : {}) };
      await withImportFile(uploads, input, (path) => importEdReflect(db, job.id, { path, dryRun: p.dryRun, system: p.system, label: job.sourceLabel, identity }, progress, signal, people)).finally(async () => {
        // The upload has served its purpose once the job ends; a worker stopping mid-job keeps it for the retry.
        if (p.uploadId && !signal.aborted) await uploads.delete(p.uploadId);
      });
    },
  };
}
