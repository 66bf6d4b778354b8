import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiRole } from '../../auth/role';
import type { Context } from '../../graphql/context';
import { toSyncJob } from '../../jobs/sync-job.mapper';
import { SyncJob } from '../../jobs/sync-job.type';
import { LMS_JOB_KIND, type LmsJobParams } from './lms-job';
import { parseLmsOptions } from './lms-options';
import { ImportLmsFileInput, optionsOf } from './lms.inputs';

@Resolver()
export class LmsResolver {
  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => SyncJob, {
    description: 'Queues an LMS file import (options are checked first) and returns its job at once; watch it with `syncJobUpdated`.',
  })
  async importLmsFile(@Arg('input', () => ImportLmsFileInput) input: ImportLmsFileInput, @Ctx() ctx: Context): Promise<SyncJob> {
    const options = optionsOf(input);
    parseLmsOptions(options);
    const { params, label } = await ctx.services.importInputs.resolve(input);
    const jobParams: LmsJobParams = { ...params, fileType: input.fileType ?? null, options, dryRun: input.dryRun };
    const job = await ctx.services.syncJobs.enqueue({ kind: LMS_JOB_KIND, sourceLabel: label, params: { ...jobParams }, createdByKeyId: ctx.viewer?.keyId ?? null });
    return toSyncJob(job);
  }
}
