import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { AuthenticationError } from 'type-graphql';
import { ApiRole } from '../auth/role';
import type { Context } from '../graphql/context';
import { toConnection } from '../graphql/relay/connection';
import { localIdOf } from '../graphql/relay/global-id';
import { PageArgs } from '../graphql/relay/page-args';
import { IssueSeverity, SyncJobStatus } from './sync-job-status';
import { SyncJobEntity } from './sync-job.entity';
import { toSyncJob, toSyncJobIssue } from './sync-job.mapper';
import { SyncJob, SyncJobConnection, SyncJobIssueConnection } from './sync-job.type';

@InputType()
class SyncJobFilterInput {
  @Field(() => [SyncJobStatus], { nullable: true })
  status?: SyncJobStatus[] | null;

  @Field(() => String, { nullable: true })
  kind?: string | null;
}

@Resolver(() => SyncJob)
export class SyncJobResolver {
  @Authorized()
  @Query(() => SyncJob, { description: 'One job by id.' })
  async syncJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SyncJob> {
    return toSyncJob(await ctx.services.syncJobs.get(localIdOf(id, 'SyncJob')));
  }

  @Authorized()
  @Query(() => SyncJobConnection, { description: 'Jobs, newest first.' })
  async syncJobs(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SyncJobFilterInput, { nullable: true }) filter: SyncJobFilterInput | null,
    @Ctx() ctx: Context,
  ): Promise<SyncJobConnection> {
    const { page: result, total } = await ctx.services.syncJobs.list(filter ?? {}, page);
    return toConnection(SyncJobConnection, result, toSyncJob, total);
  }

  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => SyncJob, { description: 'Stops a queued or running job; a cancelled job applies nothing.' })
  async cancelSyncJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SyncJob> {
    return toSyncJob(await ctx.services.syncJobs.cancel(localIdOf(id, 'SyncJob')));
  }

  @Subscription(() => SyncJob, {
    description:
      'The job now, then on every change and at least once a second while it runs, ending with its final state. Works across server instances.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { id: string }, Context>) => {
      if (!context.viewer) throw new AuthenticationError('Send an API key in connectionParams.authorization');
      return context.services.syncJobs.watch(localIdOf(args.id, 'SyncJob'));
    },
  })
  syncJobUpdated(@Root() job: SyncJob | SyncJobEntity, @Arg('id', () => ID) _id: string): SyncJob {
    return job instanceof SyncJob ? job : toSyncJob(job);
  }

  @FieldResolver(() => SyncJobIssueConnection, { description: 'Row-level errors and warnings, in file order.' })
  async issues(
    @Root() job: SyncJob,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('severity', () => IssueSeverity, { nullable: true }) severity: IssueSeverity | null,
    @Ctx() ctx: Context,
  ): Promise<SyncJobIssueConnection> {
    const query = ctx.services.syncJobs.issuesQuery(severity);
    const signature = JSON.stringify(['SyncJob.issues', severity]);
    const result = await ctx.loaders.connections.page<Record<string, unknown>>(signature, query, 'i.job_id', page, job.localId);
    return toConnection(SyncJobIssueConnection, result, toSyncJobIssue, () =>
      ctx.loaders.connections.count(signature, query, 'i.job_id', job.localId),
    );
  }
}
