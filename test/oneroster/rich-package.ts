import { writePackage } from './fixtures';

/**
 * A 1.2 district that uses every corner the exporter must carry back: metadata on some rows
 * only, roles (secondary, dated, with a profile, ext: and administrator kinds), userIds,
 * agents, several terms per class, subjects with codes, demographics with blanks, and values
 * a spreadsheet would take for formulas ('-', '=', '+', '@') or that need quoting.
 */
export function richPackage12(): string {
  return writePackage('1.2', {
    orgs: {
      mode: 'bulk',
      extra: ['metadata.ncesRegion'],
      rows: [
        { sourcedId: '-d1', name: 'District', type: 'district', identifier: '=0042', 'metadata.ncesRegion': 'NE' },
        { sourcedId: 's1', name: '@North, "Upper" School', type: 'school', parentSourcedId: '-d1' },
        { sourcedId: 's2', name: 'South School', type: 'school', parentSourcedId: '-d1', identifier: '+S2' },
        { sourcedId: 'dep1', name: 'Maths department', type: 'department', parentSourcedId: 's1' },
      ],
    },
    academicSessions: {
      mode: 'bulk',
      rows: [
        { sourcedId: 'y2025', title: '2024-25', type: 'schoolYear', startDate: '2024-09-01', endDate: '2025-07-31', schoolYear: '2025' },
        { sourcedId: 't1', title: 'Autumn', type: 'term', startDate: '2024-09-01', endDate: '2024-12-20', parentSourcedId: 'y2025', schoolYear: '2025' },
        { sourcedId: 't2', title: 'Spring', type: 'term', startDate: '2025-01-06', endDate: '2025-07-31', parentSourcedId: 'y2025', schoolYear: '2025' },
        { sourcedId: 'gp1', title: 'Autumn 1', type: 'gradingPeriod', startDate: '2024-09-01', endDate: '2024-10-25', parentSourcedId: 't1', schoolYear: '2025' },
        { sourcedId: 'x1', title: 'Trimester', type: 'ext:trimester', startDate: '2024-09-01', endDate: '2024-11-30', schoolYear: '2025' },
      ],
    },
    courses: {
      mode: 'bulk',
      extra: ['metadata.level'],
      rows: [
        { sourcedId: 'c1', title: 'Maths', schoolYearSourcedId: 'y2025', orgSourcedId: 's1', courseCode: 'MA-9', grades: '09,10', subjects: 'Maths,Science', subjectCodes: 'MA,SC', 'metadata.level': 'advanced' },
        { sourcedId: 'c2', title: 'Form time', orgSourcedId: '-d1' },
      ],
    },
    classes: {
      mode: 'bulk',
      rows: [
        { sourcedId: 'k1', title: 'Maths 9A', grades: '09', courseSourcedId: 'c1', classCode: '-9A', classType: 'scheduled', location: '+Room 1', schoolSourcedId: 's1', termSourcedIds: 't2,t1', subjects: 'Maths', subjectCodes: 'MA', periods: '1,3' },
        { sourcedId: 'k2', title: 'Form 9', courseSourcedId: 'c2', classType: 'homeroom', schoolSourcedId: 's2', termSourcedIds: 'y2025' },
      ],
    },
    users: {
      mode: 'bulk',
      extra: ['metadata.house', 'metadata.bus'],
      rows: [
        {
          sourcedId: 'u1', enabledUser: 'true', username: 'ada', userIds: '{LDAP:ada},{SIS:1001}', givenName: 'Ada', familyName: 'Lovelace', middleName: 'Augusta',
          identifier: 'S1001', email: 'Ada@School.org', sms: '+447700900001', phone: '+44 20 7946 0000', agentSourcedIds: 'p2,p1', grades: '09',
          userMasterIdentifier: 'M-1', preferredGivenName: 'Addy', preferredFamilyName: 'King', primaryOrgSourcedId: 's1', pronouns: 'she/her', 'metadata.house': 'Blue',
        },
        { sourcedId: 'u2', enabledUser: 'false', username: 'alan', givenName: 'Alan', familyName: 'Turing', grades: '10', agentSourcedIds: 'p1', primaryOrgSourcedId: 's2', 'metadata.bus': '7' },
        { sourcedId: 'tch', enabledUser: 'true', username: 'grace', userIds: '{LDAP:grace}', givenName: 'Grace', familyName: 'Hopper', email: 'grace@school.org' },
        { sourcedId: 'p1', enabledUser: 'true', username: 'pat', givenName: 'Pat', familyName: 'Turing' },
        { sourcedId: 'p2', enabledUser: 'true', username: 'sam', givenName: 'Sam', familyName: '=Lovelace' },
        { sourcedId: 'a1', enabledUser: 'true', username: 'boss', givenName: 'Bo', familyName: 'Ss' },
        { sourcedId: 'gone', enabledUser: 'true', username: 'gone', givenName: 'Gone', familyName: 'Soon' },
      ],
    },
    userProfiles: {
      mode: 'bulk',
      rows: [{ sourcedId: 'prof1', userSourcedId: 'u1', profileType: 'lms', vendorId: 'v1', credentialType: 'password', username: 'ada' }],
    },
    roles: {
      mode: 'bulk',
      rows: [
        { sourcedId: 'r-u1', userSourcedId: 'u1', roleType: 'primary', role: 'student', orgSourcedId: 's1', beginDate: '2024-09-01', endDate: '2025-07-31', userProfileSourcedId: 'prof1' },
        { sourcedId: 'r-u1b', userSourcedId: 'u1', roleType: 'secondary', role: 'student', orgSourcedId: 's2' },
        { sourcedId: 'r-u2', userSourcedId: 'u2', roleType: 'primary', role: 'student', orgSourcedId: 's2' },
        { sourcedId: 'r-t', userSourcedId: 'tch', roleType: 'primary', role: 'teacher', orgSourcedId: 's1' },
        { sourcedId: 'r-t2', userSourcedId: 'tch', roleType: 'secondary', role: 'counselor', orgSourcedId: 's2' },
        { sourcedId: 'r-p1', userSourcedId: 'p1', roleType: 'primary', role: 'parent', orgSourcedId: 's1' },
        { sourcedId: 'r-p2', userSourcedId: 'p2', roleType: 'primary', role: 'guardian', orgSourcedId: 's1' },
        { sourcedId: 'r-a1', userSourcedId: 'a1', roleType: 'primary', role: 'districtAdministrator', orgSourcedId: '-d1' },
        { sourcedId: 'r-a1b', userSourcedId: 'a1', roleType: 'secondary', role: 'ext:coach', orgSourcedId: 's1' },
        { sourcedId: 'r-gone', userSourcedId: 'gone', roleType: 'primary', role: 'student', orgSourcedId: 's1' },
      ],
    },
    demographics: {
      mode: 'bulk',
      rows: [
        {
          sourcedId: 'u1', birthDate: '2010-12-10', sex: 'female', americanIndianOrAlaskaNative: 'false', asian: 'false', blackOrAfricanAmerican: 'false',
          nativeHawaiianOrOtherPacificIslander: 'false', white: 'true', demographicRaceTwoOrMoreRaces: 'false', hispanicOrLatinoEthnicity: 'false',
          countryOfBirthCode: 'GB', stateOfBirthAbbreviation: 'LN', cityOfBirth: 'London', publicSchoolResidenceStatus: '01652',
        },
        { sourcedId: 'u2', sex: 'unspecified', asian: 'true' },
        { sourcedId: 'tch', sex: 'other' },
      ],
    },
    enrollments: {
      mode: 'bulk',
      extra: ['metadata.source'],
      rows: [
        { sourcedId: 'e1', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u1', role: 'student', beginDate: '2024-09-01', endDate: '2025-07-31', 'metadata.source': 'SIS' },
        { sourcedId: 'e2', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u2', role: 'student', primary: 'false' },
        { sourcedId: 'e3', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'tch', role: 'teacher', primary: 'true' },
        { sourcedId: 'e4', classSourcedId: 'k2', schoolSourcedId: 's2', userSourcedId: 'tch', role: 'teacher', primary: 'false' },
        { sourcedId: 'e5', classSourcedId: 'k2', schoolSourcedId: 's2', userSourcedId: 'u1', role: 'student' },
        { sourcedId: 'e6', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'a1', role: 'administrator' },
        { sourcedId: 'e-gone', classSourcedId: 'k2', schoolSourcedId: 's2', userSourcedId: 'u2', role: 'student' },
      ],
    },
  });
}

const MODIFIED = '2025-01-10T08:00:00.000Z';

/**
 * Deltas that delete a user with its role, and one enrollment: the export must leave them out.
 * Two packages, role first: a delta that deletes a user and its role together has the role row
 * rejected, its userSourcedId naming a user the same delta deletes (importer behaviour as of now).
 */
export function richDeletes12(): [string, string] {
  return [
    writePackage('1.2', {
      roles: { mode: 'delta', rows: [{ sourcedId: 'r-gone', status: 'tobedeleted', dateLastModified: MODIFIED, userSourcedId: 'gone', roleType: 'primary', role: 'student', orgSourcedId: 's1' }] },
      enrollments: {
        mode: 'delta',
        rows: [{ sourcedId: 'e-gone', status: 'tobedeleted', dateLastModified: MODIFIED, classSourcedId: 'k2', schoolSourcedId: 's2', userSourcedId: 'u2', role: 'student' }],
      },
    }),
    writePackage('1.2', {
      users: { mode: 'delta', rows: [{ sourcedId: 'gone', status: 'tobedeleted', dateLastModified: MODIFIED, enabledUser: 'true', username: 'gone', givenName: 'Gone', familyName: 'Soon' }] },
    }),
  ];
}
