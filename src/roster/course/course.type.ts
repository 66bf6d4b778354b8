import { Directive, Field, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { Node } from '../../graphql/relay/node.interface';
import { RosterRecord } from '../shared/roster-record.type';

@Directive('@key(fields: "id")')
@ObjectType('Course', { implements: Node, description: "A course in an org's catalogue; its classes are the sections taught." })
export class Course extends RosterRecord {
  orgLocalId!: string;
  schoolYearLocalId!: string | null;

  @Field(() => String)
  sourcedId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  courseCode!: string | null;

  @Field(() => [String], { description: 'CEDS grade levels (`09`, `KG`, ...).' })
  grades!: string[];

  @Field(() => [String], { description: 'Parallel to `subjectCodes`.' })
  subjects!: string[];

  @Field(() => [String])
  subjectCodes!: string[];
}

export const CourseConnection = Connection(Course, 'Course');
export type CourseConnection = InstanceType<typeof CourseConnection>;
