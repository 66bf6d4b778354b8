import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiRole } from '../auth/role';
import type { Context } from '../graphql/context';
import { toSyncJob } from '../jobs/sync-job.mapper';
import { SyncJob } from '../jobs/sync-job.type';
import { ImportEdReflectInput } from './edreflect.inputs';
import { EDREFLECT_JOB_KIND, type EdReflectJobParams } from './edreflect.job';
import { parseEdReflectIdentity } from './identity/edreflect-identity';

@Resolver()
export class EdReflectImportResolver {
  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => SyncJob, { description: 'Queues an EdReflect offboarding import and returns its job at once; watch it with `syncJobUpdated`.' })
  async importEdReflect(@Arg('input', () => ImportEdReflectInput) input: ImportEdReflectInput, @Ctx() ctx: Context): Promise<SyncJob> {
    // Checked before the upload is stored: bad rules are refused at once.
    const identity = input.identity ? parseEdReflectIdentity(input.identity) : null;
    const { params, label } = await ctx.services.importInputs.resolve(input);
    const jobParams: Partial<EdReflectJobParams> = { ...params, dryRun: input.dryRun, system: input.system, ...(identity ? { identity: { rules: identity.rules } } : {}) };
    const job = await ctx.services.syncJobs.enqueue({ kind: EDREFLECT_JOB_KIND, sourceLabel: label, params: jobParams, createdByKeyId: ctx.viewer?.keyId ?? null });
    return toSyncJob(job);
  }
}
