import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { Node } from '../../graphql/relay/node.interface';
import { RosterRecord } from '../shared/roster-record.type';
import { LocalDate } from '../shared/scalars';

@Directive('@key(fields: "id")')
@ObjectType('AcademicSession', {
  implements: Node,
  description: 'A school year, semester, term or grading period. Sessions form a tree.',
})
export class AcademicSession extends RosterRecord {
  parentLocalId!: string | null;

  @Field(() => String)
  sourcedId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'gradingPeriod, semester, schoolYear, term, or an `ext:` token.' })
  type!: string;

  @Field(() => LocalDate)
  startDate!: string;

  @Field(() => LocalDate, { description: 'As the source sent it (OneRoster 1.1 calls it exclusive; most sources send the last day).' })
  endDate!: string;

  @Field(() => Int, { description: 'The year in which the school year ends (2020-21 is 2021).' })
  schoolYear!: number;
}

export const AcademicSessionConnection = Connection(AcademicSession, 'AcademicSession');
export type AcademicSessionConnection = InstanceType<typeof AcademicSessionConnection>;
