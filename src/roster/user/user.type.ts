import { Directive, Field, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { Node } from '../../graphql/relay/node.interface';
import { RosterRecord } from '../shared/roster-record.type';

@Directive('@key(fields: "id")')
@Directive('@key(fields: "sourcedId")')
@ObjectType('User', { implements: Node, description: 'A person (learner, teacher, parent, ...) as a source system knows them.' })
export class User extends RosterRecord {
  primaryOrgLocalId!: string | null;

  @Field(() => String)
  sourcedId!: string;

  @Field(() => Boolean, { description: 'false: the record is current but the person may not sign in.' })
  enabledUser!: boolean;

  @Field(() => String)
  username!: string;

  @Field(() => String)
  givenName!: string;

  @Field(() => String)
  familyName!: string;

  @Field(() => String, { nullable: true })
  middleName!: string | null;

  @Field(() => String, { nullable: true })
  preferredGivenName!: string | null;

  @Field(() => String, { nullable: true })
  preferredMiddleName!: string | null;

  @Field(() => String, { nullable: true })
  preferredFamilyName!: string | null;

  @Field(() => String, { nullable: true, description: 'A local id such as a student or staff number.' })
  identifier!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  sms!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => [String])
  grades!: string[];

  @Field(() => String, { nullable: true })
  userMasterIdentifier!: string | null;

  @Field(() => String, { nullable: true })
  pronouns!: string | null;
}

export const UserConnection = Connection(User, 'User');
export type UserConnection = InstanceType<typeof UserConnection>;
