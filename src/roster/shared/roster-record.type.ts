import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node.interface';
import { RosterStatus } from './record-status';
import { JSONObject } from './scalars';

/** Fields every roster record shows: where it came from and where it is in its lifecycle. */
// Decorated so that subclasses inherit its fields; never referenced itself, so never emitted.
@ObjectType()
export abstract class RosterRecord extends Node {
  /** The local id, for loaders and nested lists; not a GraphQL field. */
  localId!: string;

  @Field(() => String, { description: 'The source system; sourcedIds are unique per type within one system.' })
  system!: string;

  @Field(() => RosterStatus)
  status!: RosterStatus;

  @Field(() => Date, { nullable: true, description: 'When the source last changed the record, as it said.' })
  dateLastModified!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the record was removed from its source; null while it is current.' })
  deletedAt!: Date | null;

  @Field(() => JSONObject, { description: 'Extension fields (`metadata.*` columns), by name without the prefix.' })
  metadata!: Record<string, unknown>;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
