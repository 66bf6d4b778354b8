import { type RecordRow, dateColumn, recordColumns, recordFields } from '../shared/record-row';
import { Demographics } from './demographics.type';

export interface DemographicsRow extends RecordRow {
  readonly sourced_id: string;
  readonly user_id: string;
  readonly birth_date: string | null;
  readonly sex: string | null;
  readonly american_indian_or_alaska_native: boolean | null;
  readonly asian: boolean | null;
  readonly black_or_african_american: boolean | null;
  readonly native_hawaiian_or_other_pacific_islander: boolean | null;
  readonly white: boolean | null;
  readonly demographic_race_two_or_more_races: boolean | null;
  readonly hispanic_or_latino_ethnicity: boolean | null;
  readonly country_of_birth_code: string | null;
  readonly state_of_birth_abbreviation: string | null;
  readonly city_of_birth: string | null;
  readonly public_school_residence_status: string | null;
}

/** The columns of `demographics d` that `toDemographics` reads. */
export const DEMOGRAPHICS_COLUMNS = [
  recordColumns('d'),
  'd.sourced_id, d.user_id',
  dateColumn('d.birth_date', 'birth_date'),
  'd.sex, d.american_indian_or_alaska_native, d.asian, d.black_or_african_american',
  'd.native_hawaiian_or_other_pacific_islander, d.white, d.demographic_race_two_or_more_races',
  'd.hispanic_or_latino_ethnicity, d.country_of_birth_code, d.state_of_birth_abbreviation, d.city_of_birth',
  'd.public_school_residence_status',
].join(', ');

export function toDemographics(row: DemographicsRow): Demographics {
  return Object.assign(new Demographics(), {
    ...recordFields('Demographics', row),
    userLocalId: row.user_id,
    sourcedId: row.sourced_id,
    birthDate: row.birth_date,
    sex: row.sex,
    americanIndianOrAlaskaNative: row.american_indian_or_alaska_native,
    asian: row.asian,
    blackOrAfricanAmerican: row.black_or_african_american,
    nativeHawaiianOrOtherPacificIslander: row.native_hawaiian_or_other_pacific_islander,
    white: row.white,
    demographicRaceTwoOrMoreRaces: row.demographic_race_two_or_more_races,
    hispanicOrLatinoEthnicity: row.hispanic_or_latino_ethnicity,
    countryOfBirthCode: row.country_of_birth_code,
    stateOfBirthAbbreviation: row.state_of_birth_abbreviation,
    cityOfBirth: row.city_of_birth,
    publicSchoolResidenceStatus: row.public_school_residence_status,
  });
}
