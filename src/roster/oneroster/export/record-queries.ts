import type { OneRosterVersion } from '../versions';
import { representableIn11 } from './vocabularies';
import type { ExportQuery } from './export-query';
import { BLANK, boolText, dateText, listText } from './sql-text';

/** Every file starts with these; the bulk binding leaves status and dateLastModified blank. */
export const HEAD = { sourcedId: 't.sourced_id', status: BLANK, dateLastModified: BLANK } as const;

/**
 * Optional self-references (parents) point at live records only; a parent deleted at the
 * source leaves the link blank rather than naming a record the package does not define.
 */
export const orgsQuery: ExportQuery = {
  file: 'orgs',
  table: 'org',
  from: `org t join export_org x on x.id = t.id left join export_org p on p.id = t.parent_id`,
  columns: { ...HEAD, name: 't.name', type: 't.type', identifier: 't.identifier', parentSourcedId: 'p.sourced_id' },
};

export const sessionsQuery: ExportQuery = {
  file: 'academicSessions',
  table: 'academic_session',
  from: `academic_session t join export_session x on x.id = t.id left join export_session p on p.id = t.parent_id`,
  columns: {
    ...HEAD,
    title: 't.title',
    type: 't.type',
    startDate: dateText('t.start_date'),
    endDate: dateText('t.end_date'),
    parentSourcedId: 'p.sourced_id',
    schoolYear: 't.school_year::text',
  },
};

export const coursesQuery: ExportQuery = {
  file: 'courses',
  table: 'course',
  from: `course t join export_course x on x.id = t.id join export_org o on o.id = t.org_id left join export_session y on y.id = t.school_year_id`,
  columns: {
    ...HEAD,
    schoolYearSourcedId: 'y.sourced_id',
    title: 't.title',
    courseCode: 't.course_code',
    grades: listText('t.grades'),
    orgSourcedId: 'o.sourced_id',
    subjects: listText('t.subjects'),
    subjectCodes: listText('t.subject_codes'),
  },
};

export const classesQuery: ExportQuery = {
  file: 'classes',
  table: 'class',
  from: `class t join export_class x on x.id = t.id join export_course c on c.id = t.course_id join export_org o on o.id = t.school_id`,
  columns: {
    ...HEAD,
    title: 't.title',
    grades: listText('t.grades'),
    courseSourcedId: 'c.sourced_id',
    classCode: 't.class_code',
    classType: 't.class_type',
    location: 't.location',
    schoolSourcedId: 'o.sourced_id',
    // Terms are a set (the import keeps no order): sorted, so that exports are reproducible.
    termSourcedIds: `(select string_agg(x.sourced_id, ',' order by x.sourced_id) from (
        select (select s.sourced_id from export_session s where s.id = ct.session_id) as sourced_id
          from class_term ct where ct.class_id = t.id and ct.deleted_at is null) x)`,
    subjects: listText('t.subjects'),
    subjectCodes: listText('t.subject_codes'),
    periods: listText('t.periods'),
  },
};

/** 1.1 knows only male and female; 1.2's unspecified, other and ext: tokens are left blank there. */
export function demographicsQuery(version: OneRosterVersion): ExportQuery {
  return {
    file: 'demographics',
    table: 'demographics',
    from: `demographics t join export_user u on u.id = t.user_id`,
      columns: {
      ...HEAD,
      birthDate: dateText('t.birth_date'),
      sex: version === '1.1' ? `case when t.sex in ('male', 'female') then t.sex end` : 't.sex',
      americanIndianOrAlaskaNative: boolText('t.american_indian_or_alaska_native'),
      asian: boolText('t.asian'),
      blackOrAfricanAmerican: boolText('t.black_or_african_american'),
      nativeHawaiianOrOtherPacificIslander: boolText('t.native_hawaiian_or_other_pacific_islander'),
      white: boolText('t.white'),
      demographicRaceTwoOrMoreRaces: boolText('t.demographic_race_two_or_more_races'),
      hispanicOrLatinoEthnicity: boolText('t.hispanic_or_latino_ethnicity'),
      countryOfBirthCode: 't.country_of_birth_code',
      stateOfBirthAbbreviation: 't.state_of_birth_abbreviation',
      cityOfBirth: 't.city_of_birth',
      publicSchoolResidenceStatus: 't.public_school_residence_status',
    },
  };
}

export function enrollmentsQuery(version: OneRosterVersion): ExportQuery {
  return {
    file: 'enrollments',
    table: 'enrollment',
    from: `enrollment t join export_class c on c.id = t.class_id join export_org o on o.id = t.school_id join export_user u on u.id = t.user_id`,
    ...(version === '1.1' ? { where: representableIn11('t.role') } : {}),
    columns: {
      ...HEAD,
      classSourcedId: 'c.sourced_id',
      schoolSourcedId: 'o.sourced_id',
      userSourcedId: 'u.sourced_id',
      role: 't.role',
      primary: boolText('t.is_primary'),
      beginDate: dateText('t.begin_date'),
      endDate: dateText('t.end_date'),
    },
  };
}
