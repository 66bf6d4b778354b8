import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiRole } from '../../auth/role';
import type { Context } from '../../graphql/context';
import { toSyncJob } from '../../jobs/sync-job.mapper';
import { SyncJob } from '../../jobs/sync-job.type';
import { ONEROSTER_JOB_KIND, type OneRosterJobParams } from './oneroster.job';
import { ImportOneRosterInput } from './oneroster.inputs';

@Resolver()
export class OneRosterResolver {
  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => SyncJob, { description: 'Queues a OneRoster import and returns its job at once; watch it with `syncJobUpdated`.' })
  async importOneRoster(@Arg('input', () => ImportOneRosterInput) input: ImportOneRosterInput, @Ctx() ctx: Context): Promise<SyncJob> {
    const { params, label } = await ctx.services.importInputs.resolve(input);
    const jobParams: Partial<OneRosterJobParams> = {
      ...params,
      strictness: input.mode,
      dryRun: input.dryRun,
      force: input.force,
      deleteThreshold: input.deleteThreshold,
      system: input.system,
    };
    const job = await ctx.services.syncJobs.enqueue({ kind: ONEROSTER_JOB_KIND, sourceLabel: label, params: jobParams, createdByKeyId: ctx.viewer?.keyId ?? null });
    return toSyncJob(job);
  }
}
