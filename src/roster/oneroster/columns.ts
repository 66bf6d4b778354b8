import type { OneRosterVersion, RosterFile } from './versions';

/**
 * How a cell is read. `guid` is an opaque sourcedId; `*List` are comma-separated lists in one
 * (quoted) field; `userIds` is a list of `{type:id}` pairs.
 */
export type CellType =
  | 'guid'
  | 'guidList'
  | 'text'
  | 'textList'
  | 'date'
  | 'datetime'
  | 'year'
  | 'boolean'
  | 'enum'
  | 'userIds'
  | 'status';

export interface ColumnSpec {
  readonly name: string;
  readonly type: CellType;
  readonly required: boolean;
  /** The enumeration's tokens, for `enum` columns. */
  readonly values?: readonly string[];
  /** 1.2 allows `ext:<token>` extensions on this enumeration. */
  readonly extensible?: boolean;
}

const col = (name: string, type: CellType, required = false, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type,
  required,
  ...extra,
});

/** Every file starts with these; in bulk files status and dateLastModified must be blank. */
const HEAD: readonly ColumnSpec[] = [col('sourcedId', 'guid', true), col('status', 'status'), col('dateLastModified', 'datetime')];

export const ORG_TYPES = ['department', 'school', 'district', 'local', 'state', 'national'] as const;
export const SESSION_TYPES = ['gradingPeriod', 'semester', 'schoolYear', 'term'] as const;
export const CLASS_TYPES = ['homeroom', 'scheduled'] as const;
export const ENROLLMENT_ROLES = ['administrator', 'proctor', 'student', 'teacher'] as const;
export const ROLES_1_1 = ['administrator', 'aide', 'guardian', 'parent', 'proctor', 'relative', 'student', 'teacher'] as const;
export const ROLES_1_2 = [
  'aide',
  'counselor',
  'districtAdministrator',
  'guardian',
  'parent',
  'principal',
  'proctor',
  'relative',
  'siteAdministrator',
  'student',
  'systemAdministrator',
  'teacher',
] as const;
export const ROLE_TYPES = ['primary', 'secondary'] as const;
export const SEXES_1_1 = ['male', 'female'] as const;
export const SEXES_1_2 = ['male', 'female', 'unspecified', 'other'] as const;

const demographics = (version: OneRosterVersion): ColumnSpec[] => [
  ...HEAD,
  col('birthDate', 'date'),
  col('sex', 'enum', false, { values: version === '1.1' ? SEXES_1_1 : SEXES_1_2, extensible: version === '1.2' }),
  col('americanIndianOrAlaskaNative', 'boolean'),
  col('asian', 'boolean'),
  col('blackOrAfricanAmerican', 'boolean'),
  col('nativeHawaiianOrOtherPacificIslander', 'boolean'),
  col('white', 'boolean'),
  col('demographicRaceTwoOrMoreRaces', 'boolean'),
  col('hispanicOrLatinoEthnicity', 'boolean'),
  col('countryOfBirthCode', 'text'),
  col('stateOfBirthAbbreviation', 'text'),
  col('cityOfBirth', 'text'),
  col('publicSchoolResidenceStatus', 'text'),
];

/** users.csv columns both versions share, in order (1.1 puts orgSourcedIds and role before them). */
const USER_COLUMNS: readonly ColumnSpec[] = [
  col('username', 'text', true),
  col('userIds', 'userIds'),
  col('givenName', 'text', true),
  col('familyName', 'text', true),
  col('middleName', 'text'),
  col('identifier', 'text'),
  col('email', 'text'),
  col('sms', 'text'),
  col('phone', 'text'),
  col('agentSourcedIds', 'guidList'),
  col('grades', 'textList'),
  col('password', 'text'),
];

/** Column contracts per version and file, in the exact order the binding prescribes. */
export function columnsFor(version: OneRosterVersion, file: RosterFile): readonly ColumnSpec[] | undefined {
  const ext = version === '1.2';
  switch (file) {
    case 'orgs':
      return [...HEAD, col('name', 'text', true), col('type', 'enum', true, { values: ORG_TYPES, extensible: ext }), col('identifier', 'text'), col('parentSourcedId', 'guid')];
    case 'academicSessions':
      return [
        ...HEAD,
        col('title', 'text', true),
        col('type', 'enum', true, { values: SESSION_TYPES, extensible: ext }),
        col('startDate', 'date', true),
        col('endDate', 'date', true),
        col('parentSourcedId', 'guid'),
        col('schoolYear', 'year', true),
      ];
    case 'courses':
      return [
        ...HEAD,
        col('schoolYearSourcedId', 'guid'),
        col('title', 'text', true),
        col('courseCode', 'text'),
        col('grades', 'textList'),
        col('orgSourcedId', 'guid', true),
        col('subjects', 'textList'),
        col('subjectCodes', 'textList'),
      ];
    case 'classes':
      return [
        ...HEAD,
        col('title', 'text', true),
        col('grades', 'textList'),
        col('courseSourcedId', 'guid', true),
        col('classCode', 'text'),
        col('classType', 'enum', true, { values: CLASS_TYPES, extensible: ext }),
        col('location', 'text'),
        col('schoolSourcedId', 'guid', true),
        col('termSourcedIds', 'guidList', true),
        col('subjects', 'textList'),
        col('subjectCodes', 'textList'),
        col('periods', 'textList'),
      ];
    case 'users':
      return version === '1.1'
        ? [
            ...HEAD,
            col('enabledUser', 'boolean', true),
            col('orgSourcedIds', 'guidList', true),
            col('role', 'enum', true, { values: ROLES_1_1 }),
            ...USER_COLUMNS,
          ]
        : [
            ...HEAD,
            col('enabledUser', 'boolean', true),
            ...USER_COLUMNS,
            col('userMasterIdentifier', 'text'),
            col('preferredGivenName', 'text'),
            col('preferredMiddleName', 'text'),
            col('preferredFamilyName', 'text'),
            col('primaryOrgSourcedId', 'guid'),
            col('pronouns', 'text'),
          ];
    case 'roles':
      return ext
        ? [
            ...HEAD,
            col('userSourcedId', 'guid', true),
            col('roleType', 'enum', true, { values: ROLE_TYPES }),
            col('role', 'enum', true, { values: ROLES_1_2, extensible: true }),
            col('beginDate', 'date'),
            col('endDate', 'date'),
            col('orgSourcedId', 'guid', true),
            col('userProfileSourcedId', 'guid'),
          ]
        : undefined;
    case 'userProfiles':
      return ext
        ? [
            ...HEAD,
            col('userSourcedId', 'guid', true),
            col('profileType', 'text', true),
            col('vendorId', 'text', true),
            col('applicationId', 'text'),
            col('description', 'text'),
            col('credentialType', 'text', true),
            col('username', 'text', true),
            col('password', 'text'),
          ]
        : undefined;
    case 'demographics':
      return demographics(version);
    case 'enrollments':
      return [
        ...HEAD,
        col('classSourcedId', 'guid', true),
        col('schoolSourcedId', 'guid', true),
        col('userSourcedId', 'guid', true),
        col('role', 'enum', true, { values: ENROLLMENT_ROLES, extensible: ext }),
        col('primary', 'boolean'),
        col('beginDate', 'date'),
        col('endDate', 'date'),
      ];
  }
}
