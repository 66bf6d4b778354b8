import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { ApiRole } from '../../auth/role';
import type { Context } from '../../graphql/context';
import { toSyncJob } from '../../jobs/sync-job.mapper';
import { SyncJob } from '../../jobs/sync-job.type';
import { enqueueImsImport } from './ims-import.service';
import { ImportImsEnterpriseInput } from './ims.inputs';

@Resolver()
export class ImsImportResolver {
  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => SyncJob, {
    description:
      'Queues an IMS Enterprise 1.1 import (Moodle enrol_imsenterprise semantics) and returns its job at once; watch it with `syncJobUpdated`. Every skipped element is an issue with its line, element path (`column`) and reason.',
  })
  async importImsEnterprise(@Arg('input', () => ImportImsEnterpriseInput) input: ImportImsEnterpriseInput, @Ctx() ctx: Context): Promise<SyncJob> {
    return toSyncJob(await enqueueImsImport(ctx.services, input, ctx.viewer?.keyId ?? null));
  }
}
