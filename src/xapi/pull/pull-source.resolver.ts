import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ApiRole } from '../../auth/role';
import type { Context } from '../../graphql/context';
import { localIdOf } from '../../graphql/relay/global-id';
import { toSyncJob } from '../../jobs/sync-job.mapper';
import { SyncJob } from '../../jobs/sync-job.type';
import { CreateXapiPullSourceInput, toXapiPullSource, XapiPullSource } from './pull-source.types';

@Resolver()
export class XapiPullSourceResolver {
  @Authorized(ApiRole.INTEGRATOR)
  @Query(() => [XapiPullSource], { description: 'Other LRSs we pull statements from, by name.' })
  async xapiPullSources(@Ctx() ctx: Context): Promise<XapiPullSource[]> {
    return (await ctx.services.xapiPull.list()).map(toXapiPullSource);
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => XapiPullSource, { description: 'Configures an LRS to pull statements from; with a schedule it pulls by itself from then on.' })
  async createXapiPullSource(@Arg('input', () => CreateXapiPullSourceInput) input: CreateXapiPullSourceInput, @Ctx() ctx: Context): Promise<XapiPullSource> {
    return toXapiPullSource(await ctx.services.xapiPull.create(input));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => SyncJob, { description: 'Pulls now: queues a job that reads every statement stored since the watermark and returns it at once.' })
  async pullXapiSource(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SyncJob> {
    return toSyncJob(await ctx.services.xapiPull.pullNow(localIdOf(id, 'XapiPullSource'), ctx.viewer?.keyId ?? null));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => ID, { description: 'Deletes the pull source and its schedule; the statements it pulled stay.' })
  async deleteXapiPullSource(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    await ctx.services.xapiPull.delete(localIdOf(id, 'XapiPullSource'));
    return id;
  }
}
