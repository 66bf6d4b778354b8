import { Directive, Field, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { Node } from '../../graphql/relay/node.interface';
import { RosterRecord } from '../shared/roster-record.type';

/** `Class` in the graph; `RosterClass` in TypeScript, where `Class` reads like a keyword. */
@Directive('@key(fields: "id")')
@ObjectType('Class', { implements: Node, description: 'A class (section) of a course, taught at a school in one or more terms.' })
export class RosterClass extends RosterRecord {
  courseLocalId!: string;
  schoolLocalId!: string;

  @Field(() => String)
  sourcedId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  classCode!: string | null;

  @Field(() => String, { description: 'homeroom or scheduled.' })
  classType!: string;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => [String])
  grades!: string[];

  @Field(() => [String])
  subjects!: string[];

  @Field(() => [String])
  subjectCodes!: string[];

  @Field(() => [String], { description: 'The periods of the day the class meets in.' })
  periods!: string[];
}

export const ClassConnection = Connection(RosterClass, 'Class');
export type ClassConnection = InstanceType<typeof ClassConnection>;
