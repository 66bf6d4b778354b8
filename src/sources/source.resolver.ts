import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiRole } from '../auth/role';
import type { Context } from '../graphql/context';
import { toConnection } from '../graphql/relay/connection';
import { localIdOf } from '../graphql/relay/global-id';
import { PageArgs } from '../graphql/relay/page-args';
import { toSyncJob } from '../jobs/sync-job.mapper';
import type { SyncJobEntity } from '../jobs/sync-job.entity';
import { SyncJob, SyncJobConnection } from '../jobs/sync-job.type';
import { SourceFileStatus } from './source-file-status';
import { SourceFileConnection } from './source-file.type';
import { CreateSourceInput, UpdateSourceInput } from './source.inputs';
import { toSource, toSourceFile, toSourceTestResult } from './source.mapper';
import { SourceTestResult } from './source-test.type';
import { Source, SourceConnection } from './source.type';

@Resolver(() => Source)
export class SourceResolver {
  @Authorized()
  @Query(() => SourceConnection, { description: 'Configured sources, by name.' })
  async sources(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<SourceConnection> {
    const { page: result, total } = await ctx.services.sources.list(page);
    return toConnection(SourceConnection, result, toSource, total);
  }

  @Authorized()
  @Query(() => Source, { description: 'One source by id.' })
  async source(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Source> {
    return toSource(await ctx.services.sources.get(localIdOf(id, 'Source')));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => Source, { description: 'Configures a source; with a schedule it syncs by itself from then on.' })
  async createSource(@Arg('input', () => CreateSourceInput) input: CreateSourceInput, @Ctx() ctx: Context): Promise<Source> {
    return toSource(await ctx.services.sources.create(input));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => Source, { description: 'Changes the fields given; the schedule follows at once.' })
  async updateSource(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSourceInput) input: UpdateSourceInput,
    @Ctx() ctx: Context,
  ): Promise<Source> {
    return toSource(await ctx.services.sources.update(localIdOf(id, 'Source'), input));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => ID, { description: 'Deletes the source, its file ledger and its schedule; returns its id. Its jobs stay as history.' })
  async deleteSource(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    await ctx.services.sources.delete(localIdOf(id, 'Source'));
    return id;
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => SourceTestResult, {
    description: 'Connects (checking the host key before sending any credential), lists the folder and says what a sync would pick up. Changes nothing.',
  })
  async testSource(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SourceTestResult> {
    return toSourceTestResult(await ctx.services.sources.test(localIdOf(id, 'Source')));
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => SyncJob, {
    description: 'Queues a sync and returns its job at once. If one is already under way (listing or importing), returns that job instead.',
  })
  async runSync(@Arg('sourceId', () => ID) sourceId: string, @Ctx() ctx: Context): Promise<SyncJob> {
    return toSyncJob(await ctx.services.sources.runSync(localIdOf(sourceId, 'Source'), ctx.viewer?.keyId ?? null));
  }

  @FieldResolver(() => SourceFileConnection, { description: 'The file ledger: every version of every file seen, newest first.' })
  async files(
    @Root() source: Source,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('status', () => [SourceFileStatus], { nullable: true }) status: SourceFileStatus[] | null,
    @Ctx() ctx: Context,
  ): Promise<SourceFileConnection> {
    const query = ctx.services.sources.filesQuery(status);
    const signature = JSON.stringify(['Source.files', status]);
    const result = await ctx.loaders.connections.page<Record<string, unknown>>(signature, query, 'f.source_id', page, source.localId);
    return toConnection(SourceFileConnection, result, toSourceFile, () => ctx.loaders.connections.count(signature, query, 'f.source_id', source.localId));
  }

  @FieldResolver(() => SyncJobConnection, { description: 'Its syncs and file imports, newest first.' })
  async syncJobs(@Root() source: Source, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context): Promise<SyncJobConnection> {
    const query = ctx.services.sources.syncJobsQuery();
    const signature = 'Source.syncJobs';
    const result = await ctx.loaders.connections.page<{ id: string }>(signature, query, 'j.source_id', page, source.localId);
    const jobs = (await ctx.loaders.syncJob.loadMany(result.rows.map((r) => r.id))) as (SyncJobEntity | null | Error)[];
    const page2 = { ...result, rows: jobs.filter((j): j is SyncJobEntity => j !== null && !(j instanceof Error)) };
    return toConnection(SyncJobConnection, page2, toSyncJob, () => ctx.loaders.connections.count(signature, query, 'j.source_id', source.localId));
  }
}
