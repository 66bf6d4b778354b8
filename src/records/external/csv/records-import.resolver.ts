import { MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { ApiRole } from '../../../auth/role';
import type { Context } from '../../../graphql/context';
import { GraphQLUpload, type FileUpload } from '../../../graphql/upload';
import { toSyncJob } from '../../../jobs/sync-job.mapper';
import { SyncJob } from '../../../jobs/sync-job.type';
import { RECORDS_JOB_KIND, type RecordsJobParams } from './records-job';

@InputType('ImportLearningRecordsInput', { description: 'A records CSV (the fields of `pushLearningRecords` as columns), or a folder or zip of them: uploaded, or a path on the server.' })
export class ImportLearningRecordsInput {
  @Field(() => GraphQLUpload, { nullable: true, description: 'The file, as a GraphQL multipart upload.' })
  upload?: Promise<FileUpload> | null;

  @Field(() => String, { nullable: true, description: 'A file, folder or zip on the server, inside IMPORT_ROOTS.' })
  path?: string | null;

  @Field(() => String, { nullable: true, description: 'The sending system, for rows without a system column.' })
  @MaxLength(200)
  system?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Validate, match and count without applying anything.' })
  dryRun!: boolean;
}

@Resolver()
export class RecordsImportResolver {
  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => SyncJob, { description: 'Queues a learning records CSV import and returns its job at once; rejected rows become its issues (line, column, rule).' })
  async importLearningRecords(@Arg('input', () => ImportLearningRecordsInput) input: ImportLearningRecordsInput, @Ctx() ctx: Context): Promise<SyncJob> {
    const { params, label } = await ctx.services.importInputs.resolve(input);
    const jobParams: RecordsJobParams = { ...params, system: input.system ?? null, dryRun: input.dryRun };
    const job = await ctx.services.syncJobs.enqueue({ kind: RECORDS_JOB_KIND, sourceLabel: label, params: { ...jobParams }, createdByKeyId: ctx.viewer?.keyId ?? null });
    return toSyncJob(job);
  }
}
