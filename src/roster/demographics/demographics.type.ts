import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node.interface';
import { RosterRecord } from '../shared/roster-record.type';
import { LocalDate } from '../shared/scalars';

@ObjectType('Demographics', {
  implements: Node,
  description: 'Demographic data of a user. Every field is optional in the source: null means not sent, not false.',
})
export class Demographics extends RosterRecord {
  userLocalId!: string;

  @Field(() => String, { description: "The user's sourcedId." })
  sourcedId!: string;

  @Field(() => LocalDate, { nullable: true })
  birthDate!: string | null;

  @Field(() => String, { nullable: true, description: 'male, female, unspecified, other, or an `ext:` token.' })
  sex!: string | null;

  @Field(() => Boolean, { nullable: true })
  americanIndianOrAlaskaNative!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  asian!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  blackOrAfricanAmerican!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  nativeHawaiianOrOtherPacificIslander!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  white!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  demographicRaceTwoOrMoreRaces!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  hispanicOrLatinoEthnicity!: boolean | null;

  @Field(() => String, { nullable: true })
  countryOfBirthCode!: string | null;

  @Field(() => String, { nullable: true })
  stateOfBirthAbbreviation!: string | null;

  @Field(() => String, { nullable: true })
  cityOfBirth!: string | null;

  @Field(() => String, { nullable: true })
  publicSchoolResidenceStatus!: string | null;
}
