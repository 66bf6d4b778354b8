import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { SOURCED_ID_COLUMN } from '../shared/key-columns';
import { RosterRecordColumns } from '../shared/roster-record.columns';
import { UserEntity } from '../user/user.entity';

/**
 * A user's demographics (one row per user; OneRoster gives it the user's sourcedId). Every
 * field is optional in the source, so every column is nullable: null means "not sent", which
 * is not the same as false.
 */
@Entity({ name: 'demographics' })
@Index('demographics_source_key', ['system', 'sourcedId'], { unique: true })
@Index('demographics_user_key', ['userId'], { unique: true })
@Check('demographics_status_check', `"status" in ('active', 'tobedeleted')`)
export class DemographicsEntity extends RosterRecordColumns {
  @Column(SOURCED_ID_COLUMN)
  sourcedId!: string;

  @Column({ type: 'bigint', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'date', name: 'birth_date', nullable: true })
  birthDate!: string | null;

  /** male, female (1.1); unspecified, other (1.2); or a 1.2 `ext:` token. */
  @Column({ type: 'text', nullable: true })
  sex!: string | null;

  @Column({ type: 'boolean', name: 'american_indian_or_alaska_native', nullable: true })
  americanIndianOrAlaskaNative!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  asian!: boolean | null;

  @Column({ type: 'boolean', name: 'black_or_african_american', nullable: true })
  blackOrAfricanAmerican!: boolean | null;

  @Column({ type: 'boolean', name: 'native_hawaiian_or_other_pacific_islander', nullable: true })
  nativeHawaiianOrOtherPacificIslander!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  white!: boolean | null;

  @Column({ type: 'boolean', name: 'demographic_race_two_or_more_races', nullable: true })
  demographicRaceTwoOrMoreRaces!: boolean | null;

  @Column({ type: 'boolean', name: 'hispanic_or_latino_ethnicity', nullable: true })
  hispanicOrLatinoEthnicity!: boolean | null;

  @Column({ type: 'text', name: 'country_of_birth_code', nullable: true })
  countryOfBirthCode!: string | null;

  @Column({ type: 'text', name: 'state_of_birth_abbreviation', nullable: true })
  stateOfBirthAbbreviation!: string | null;

  @Column({ type: 'text', name: 'city_of_birth', nullable: true })
  cityOfBirth!: string | null;

  @Column({ type: 'text', name: 'public_school_residence_status', nullable: true })
  publicSchoolResidenceStatus!: string | null;
}
