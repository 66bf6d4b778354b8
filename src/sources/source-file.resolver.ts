import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { toSyncJob } from '../jobs/sync-job.mapper';
import { SyncJob } from '../jobs/sync-job.type';
import { toSource } from './source.mapper';
import { SourceFile } from './source-file.type';
import { Source } from './source.type';

@Resolver(() => SourceFile)
export class SourceFileResolver {
  @FieldResolver(() => Source)
  async source(@Root() file: SourceFile, @Ctx() ctx: Context): Promise<Source> {
    const source = await ctx.loaders.sources.source.load(file.sourceLocalId);
    if (!source) throw new Error(`Source ${file.sourceLocalId} of file ${file.localId} is gone`);
    return toSource(source);
  }

  @FieldResolver(() => SyncJob, { nullable: true, description: 'The (last) job that imported or tried to import it.' })
  async job(@Root() file: SourceFile, @Ctx() ctx: Context): Promise<SyncJob | null> {
    if (file.jobLocalId === null) return null;
    const job = await ctx.loaders.syncJob.load(file.jobLocalId);
    return job ? toSyncJob(job) : null;
  }
}
