import { Directive, Field, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { Node } from '../../graphql/relay/node.interface';
import { RosterRecord } from '../shared/roster-record.type';
import { LocalDate } from '../shared/scalars';

@Directive('@key(fields: "id")')
@ObjectType('Enrollment', {
  implements: Node,
  description: 'A user in a class. Current when it has begun and not ended; `status` is only the record lifecycle.',
})
export class Enrollment extends RosterRecord {
  classLocalId!: string;
  schoolLocalId!: string;
  userLocalId!: string;

  @Field(() => String)
  sourcedId!: string;

  @Field(() => String, { description: 'administrator, proctor, student, teacher, or an `ext:` token.' })
  role!: string;

  @Field(() => Boolean, { description: "The class's lead teacher." })
  primary!: boolean;

  @Field(() => LocalDate, { nullable: true })
  beginDate!: string | null;

  @Field(() => LocalDate, { nullable: true })
  endDate!: string | null;
}

export const EnrollmentConnection = Connection(Enrollment, 'Enrollment');
export type EnrollmentConnection = InstanceType<typeof EnrollmentConnection>;
