import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/relay/connection.type';
import { Node } from '../graphql/relay/node.interface';
import { IssueSeverity, SyncJobStatus } from './sync-job-status';

@ObjectType({ description: 'Rows a job added, updated, deleted, left unchanged or rejected.' })
export class SyncJobCounts {
  @Field(() => Int) added!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) deleted!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int, { description: 'Rows with an error, kept in `issues` with their reason.' }) rejected!: number;
  @Field(() => Int, { description: 'Rows imported with a warning.' }) warnings!: number;
}

@ObjectType({ description: 'Counts for one entity (users, classes, ...) of a job.' })
export class EntityCounts {
  @Field(() => String) entity!: string;
  @Field(() => Int) added!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) deleted!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) rejected!: number;
}

@ObjectType({ description: 'Why a job failed as a whole (nothing was applied).' })
export class SyncJobFailure {
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType('SyncJobIssue', { implements: Node, description: 'A row-level error or warning, located by file, line and column.' })
export class SyncJobIssue extends Node {
  @Field(() => IssueSeverity) severity!: IssueSeverity;
  @Field(() => String, { description: 'Stable diagnostic code, e.g. `oneroster.value.enum`.' }) code!: string;
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true }) file!: string | null;
  @Field(() => Int, { nullable: true, description: 'Physical line in the file, 1-based, header included.' }) line!: number | null;
  @Field(() => String, { nullable: true, description: 'Column name (CSV header) or path.' }) column!: string | null;
  @Field(() => String, { nullable: true, description: 'The record key (sourcedId) when known.' }) recordKey!: string | null;
}

export const SyncJobIssueConnection = Connection(SyncJobIssue, 'SyncJobIssue');
export type SyncJobIssueConnection = InstanceType<typeof SyncJobIssueConnection>;

@ObjectType('SyncJob', { implements: Node, description: 'One run of an import or a sync, with live progress.' })
export class SyncJob extends Node {
  /** The local id, for loaders; not a GraphQL field. */
  localId!: string;

  @Field(() => String, { description: 'What the job does: oneroster, lms, ims, edreflect, ...' }) kind!: string;
  @Field(() => String, { description: 'Where its input came from (file name, path or source).' }) sourceLabel!: string;
  @Field(() => SyncJobStatus) status!: SyncJobStatus;
  @Field(() => String, { description: 'What it is doing now: queued, reading, validating, loading, applying, done.' }) phase!: string;
  @Field(() => Int) rowsDone!: number;
  @Field(() => Int, { nullable: true, description: 'Rows expected, when known in advance.' }) rowsTotal!: number | null;
  @Field(() => SyncJobCounts) counts!: SyncJobCounts;
  @Field(() => [EntityCounts]) entityCounts!: EntityCounts[];
  @Field(() => SyncJobFailure, { nullable: true }) failure!: SyncJobFailure | null;
  @Field(() => Boolean, { description: 'A cancel was asked for and the job has not yet stopped.' }) cancelRequested!: boolean;
  @Field(() => Date) queuedAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int, { nullable: true, description: 'Milliseconds from start to finish (or to now while running).' })
  durationMs!: number | null;
}

export const SyncJobConnection = Connection(SyncJob, 'SyncJob');
export type SyncJobConnection = InstanceType<typeof SyncJobConnection>;
