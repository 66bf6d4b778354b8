import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/relay/connection.type';
import { Node } from '../graphql/relay/node.interface';
import { FileDisposition, SourceFileStatus } from './source-file-status';

@ObjectType('SourceFile', { implements: Node, description: 'One version of a remote file in a source’s ledger.' })
export class SourceFile extends Node {
  localId!: string;
  sourceLocalId!: string;
  jobLocalId!: string | null;

  @Field(() => String) name!: string;
  @Field(() => String) path!: string;
  @Field(() => Float, { description: 'Bytes.' }) size!: number;
  @Field(() => Date) modifiedAt!: Date;
  @Field(() => LocalDateResolver, { nullable: true, description: 'From the file name, when its pattern has a date.' }) businessDate!: string | null;
  @Field(() => SourceFileStatus) status!: SourceFileStatus;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the bytes (hex), once read.' }) sha256!: string | null;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { description: 'Times a cut download went on from where it stopped.' }) resumes!: number;
  @Field(() => String, { nullable: true, description: 'Why the last import failed.' }) error!: string | null;
  @Field(() => FileDisposition, { nullable: true }) disposition!: FileDisposition | null;
  @Field(() => String, { nullable: true }) archivedPath!: string | null;
  @Field(() => String, { nullable: true, description: 'The import stood, but archiving or deleting failed.' }) dispositionError!: string | null;
  @Field(() => Date) firstSeenAt!: Date;
  @Field(() => Date) lastSeenAt!: Date;
  @Field(() => Date, { nullable: true }) stableAt!: Date | null;
  @Field(() => Date, { nullable: true }) importedAt!: Date | null;
}

export const SourceFileConnection = Connection(SourceFile, 'SourceFile');
export type SourceFileConnection = InstanceType<typeof SourceFileConnection>;
