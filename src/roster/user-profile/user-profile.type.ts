import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node.interface';
import { RosterRecord } from '../shared/roster-record.type';

@ObjectType('UserProfile', { implements: Node, description: "A user's account at one application (OneRoster 1.2 userProfiles). Never carries a password." })
export class UserProfile extends RosterRecord {
  userLocalId!: string;

  @Field(() => String)
  sourcedId!: string;

  @Field(() => String, { description: 'What the profile is for, as the source words it.' })
  profileType!: string;

  @Field(() => String)
  vendorId!: string;

  @Field(() => String, { nullable: true })
  applicationId!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { description: 'The kind of credential the application takes, as the source words it.' })
  credentialType!: string;

  @Field(() => String, { description: "The user's name at the application." })
  username!: string;
}
