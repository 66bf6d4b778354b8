import { JSONObjectResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/relay/connection.type';
import { Node } from '../graphql/relay/node.interface';
import { ProcessedFileAction, SourceFormat, SourceKind } from './source-enums';

@ObjectType({ description: 'When a source syncs by itself.' })
export class SourceSchedule {
  @Field(() => String, { description: 'Five-field cron, e.g. `30 5 * * *` (05:30 every day).' }) cron!: string;
  @Field(() => String, { description: 'IANA zone the cron is read in.' }) timeZone!: string;
  @Field(() => Date, { nullable: true }) nextRunAt!: Date | null;
}

/**
 * A configured source of files. Secrets are write-only: the type says whether they are set,
 * never what they are.
 */
@ObjectType('Source', { implements: Node, description: 'Where files come from (an SFTP server or a local folder), and how they are picked up.' })
export class Source extends Node {
  /** The local id, for loaders; not a GraphQL field. */
  localId!: string;

  @Field(() => String) name!: string;
  @Field(() => SourceKind) kind!: SourceKind;
  @Field(() => SourceFormat, { description: 'Which importer reads the files.' }) format!: SourceFormat;
  @Field(() => String, { nullable: true }) host!: string | null;
  @Field(() => Int, { nullable: true }) port!: number | null;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => Boolean, { description: 'A password is stored (encrypted; never returned).' }) hasPassword!: boolean;
  @Field(() => Boolean, { description: 'A private key is stored (encrypted; never returned).' }) hasPrivateKey!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The pinned `SHA256:...` host key. Without one, syncs refuse to connect and testSource shows the key the server presents.',
  })
  hostKeyFingerprint!: string | null;
  @Field(() => String, { description: 'The folder that is listed (on the server, or on this machine).' }) folder!: string;
  @Field(() => [String], { description: 'File name patterns, e.g. `SCORMYYYYMMDD`; the date token gives the business date.' })
  filePatterns!: string[];
  @Field(() => SourceSchedule, { nullable: true, description: 'Null: syncs only when asked (runSync).' }) schedule!: SourceSchedule | null;
  @Field(() => String, { description: 'IANA zone for the schedule and for business days.' }) timeZone!: string;
  @Field(() => Int, { description: 'Files with an older business date are left alone.' }) lookbackDays!: number;
  @Field(() => Int, { description: 'Seconds between the two listings that must agree on a new file’s size.' }) settleSeconds!: number;
  @Field(() => ProcessedFileAction) processedAction!: ProcessedFileAction;
  @Field(() => String, { nullable: true }) archiveFolder!: string | null;
  @Field(() => JSONObjectResolver, { description: 'Passed to the importer as they are.' }) formatOptions!: Record<string, unknown>;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

export const SourceConnection = Connection(Source, 'Source');
export type SourceConnection = InstanceType<typeof SourceConnection>;
