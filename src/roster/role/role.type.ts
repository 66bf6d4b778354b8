import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node.interface';
import { RosterRecord } from '../shared/roster-record.type';
import { LocalDate } from '../shared/scalars';
import { RoleType } from './role-type';

@ObjectType('Role', { implements: Node, description: 'What a user is at an org (a teacher at a school), and when.' })
export class Role extends RosterRecord {
  userLocalId!: string;
  orgLocalId!: string;

  @Field(() => String, { nullable: true, description: 'OneRoster 1.2 roles have one; roles from a 1.1 user record do not.' })
  sourcedId!: string | null;

  @Field(() => RoleType)
  roleType!: RoleType;

  @Field(() => String, { description: 'student, teacher, parent, guardian, aide, ..., or an `ext:` token.' })
  role!: string;

  @Field(() => LocalDate, { nullable: true })
  beginDate!: string | null;

  @Field(() => LocalDate, { nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: 'The sourcedId of the user profile the role uses.' })
  userProfile!: string | null;
}
