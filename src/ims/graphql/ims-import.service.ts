import type { ImportInputs } from '../../ingest';
import type { SyncJobEntity } from '../../jobs/sync-job.entity';
import type { SyncJobService } from '../../jobs/sync-job.service';
import { IMS_JOB_KIND, type ImsJobParams } from '../jobs/ims-job';
import { resolveImsOptions } from '../options/ims-options';
import type { ImportImsEnterpriseInput } from './ims.inputs';
import { toImsOptions } from './options-input';

/**
 * Queues an IMS import: options are checked first (a bad option fails the mutation, before an
 * upload is stored), then the upload or path becomes job parameters any worker can use.
 */
export async function enqueueImsImport(
  services: { readonly importInputs: ImportInputs; readonly syncJobs: SyncJobService },
  input: ImportImsEnterpriseInput,
  createdByKeyId: string | null,
): Promise<SyncJobEntity> {
  const options = toImsOptions(input.options);
  resolveImsOptions(options);
  const { params, label } = await services.importInputs.resolve(input);
  const jobParams: ImsJobParams = { ...params, mode: input.mode, dryRun: input.dryRun, options };
  return services.syncJobs.enqueue({ kind: IMS_JOB_KIND, sourceLabel: label, params: { ...jobParams }, createdByKeyId });
}
