import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node.interface';
import { UserIdentifierKind } from './user-identifier-kind';

@ObjectType('UserIdentifier', { implements: Node, description: 'One way a source system identifies a user.' })
export class UserIdentifier extends Node {
  localId!: string;
  userLocalId!: string;

  @Field(() => String)
  system!: string;

  @Field(() => UserIdentifierKind)
  kind!: UserIdentifierKind;

  @Field(() => String, { nullable: true, description: 'The type of a `userIds` entry: `LDAP` in `{LDAP:jdoe}`.' })
  namespace!: string | null;

  @Field(() => String, { description: 'As the source sent it.' })
  value!: string;

  @Field(() => Date, { nullable: true, description: 'When the source stopped sending it.' })
  deletedAt!: Date | null;
}
