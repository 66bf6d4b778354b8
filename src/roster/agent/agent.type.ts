import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node.interface';

@ObjectType('Agent', { implements: Node, description: 'Someone (a parent, a guardian) who acts for a user.' })
export class Agent extends Node {
  localId!: string;
  userLocalId!: string;
  agentLocalId!: string;

  @Field(() => String)
  system!: string;

  @Field(() => String, { nullable: true, description: 'parent, guardian, ... when the source says.' })
  relationship!: string | null;

  @Field(() => Date, { nullable: true })
  deletedAt!: Date | null;
}
