import { Directive, Field, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { Node } from '../../graphql/relay/node.interface';
import { RosterRecord } from '../shared/roster-record.type';

@Directive('@key(fields: "id")')
@ObjectType('Org', { implements: Node, description: 'An organisation: a school, a district, a department. Orgs form a tree.' })
export class Org extends RosterRecord {
  parentLocalId!: string | null;

  @Field(() => String, { description: 'The id the source system gives it: opaque and case-sensitive.' })
  sourcedId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'department, school, district, local, state, national, or an `ext:` token.' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'A human-readable identifier, such as a school number.' })
  identifier!: string | null;
}

export const OrgConnection = Connection(Org, 'Org');
export type OrgConnection = InstanceType<typeof OrgConnection>;
