import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { columnsFor } from '../src/roster/oneroster/columns';
import { type CsvCell, CsvFileWriter } from '../src/roster/oneroster/export/csv-file-writer';
import { MANIFEST_FILES, type RosterFile } from '../src/roster/oneroster/versions';

/**
 * A generated OneRoster 1.2 district, shaped like a real one: a district office, schools with
 * departments, a year with semesters and quarters, a course catalogue per school, classes over
 * one or two terms, students with guardians (agents), teachers, staff, one role per person
 * (some teachers at two schools), demographics for students, ~6 enrollments per student and
 * one or two teachers per class. Every row is a pure function of its index, so a delta can
 * regenerate exactly the rows it changes.
 */
export interface DistrictShape {
  readonly schools: number;
  readonly classesPerSchool: number;
  readonly coursesPerSchool: number;
  readonly students: number;
  readonly teachers: number;
  readonly staff: number;
  readonly guardians: number;
}

export const DEFAULT_SHAPE: DistrictShape = { schools: 50, classesPerSchool: 200, coursesPerSchool: 40, students: 160_000, teachers: 8_000, staff: 2_000, guardians: 50_000 };

export type Row = Record<string, string>;
export type Rows = Iterable<Row>;

const SUBJECTS = [
  ['English Language and Literature', '01001'],
  ['Algebra I', '02052'],
  ['Biology', '03051'],
  ['World History', '04051'],
  ['Spanish I', '06101'],
  ['Physical Education', '08001'],
  ['Visual Arts', '05154'],
  ['Computer Science', '10011'],
] as const;
const GIVEN = ['Ada', 'Grace', 'Alan', 'Zoë', 'José', 'Nnamdi', 'Mei', 'Ola', 'Priya', 'Liam', 'Sofia', 'Kenji'];
const FAMILY = ['Lovelace', 'Hopper', "O'Neil", 'Müller', 'Okafor', 'Nguyễn', 'Østby', 'Garcia', 'Smith', 'Kowalski', 'Haddad', 'Tanaka'];
const GRADES = ['KG', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const TERMS = { year: 'y2026', semesters: ['sem1', 'sem2'] };
const BEGIN = '2025-08-25';
const END = '2026-06-12';

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const school = (s: number): string => `sch-${String(s).padStart(3, '0')}`;
/** Class c belongs to school c % schools; its index in that school is floor(c / schools). */
const classOf = (shape: DistrictShape, s: number, j: number): number => s + shape.schools * j;

export function* orgs(shape: DistrictShape): Rows {
  yield { sourcedId: 'dist-1', name: 'Riverside Unified School District', type: 'district', identifier: '0612345' };
  for (let s = 0; s < shape.schools; s++) {
    yield { sourcedId: school(s), name: `${pick(FAMILY, s)} ${s % 5 === 4 ? 'High' : s % 5 === 3 ? 'Middle' : 'Elementary'} School ${s}`, type: 'school', identifier: `0612345${String(s).padStart(5, '0')}`, parentSourcedId: 'dist-1' };
    if (s % 5 === 4) for (const d of ['math', 'science', 'humanities']) yield { sourcedId: `${school(s)}-${d}`, name: `${d} department`, type: 'department', parentSourcedId: school(s) };
  }
}

function* sessions(): Rows {
  yield { sourcedId: TERMS.year, title: '2025-26', type: 'schoolYear', startDate: BEGIN, endDate: END, schoolYear: '2026' };
  yield { sourcedId: 'sem1', title: 'Fall 2025', type: 'semester', startDate: BEGIN, endDate: '2026-01-16', parentSourcedId: TERMS.year, schoolYear: '2026' };
  yield { sourcedId: 'sem2', title: 'Spring 2026', type: 'semester', startDate: '2026-01-20', endDate: END, parentSourcedId: TERMS.year, schoolYear: '2026' };
  const quarters = [[BEGIN, '2025-10-31', 'sem1'], ['2025-11-03', '2026-01-16', 'sem1'], ['2026-01-20', '2026-03-27', 'sem2'], ['2026-03-30', END, 'sem2']] as const;
  for (const [i, [start, end, parent]] of quarters.entries()) yield { sourcedId: `q${i + 1}`, title: `Quarter ${i + 1}`, type: 'gradingPeriod', startDate: start, endDate: end, parentSourcedId: parent, schoolYear: '2026' };
}

export function courseRow(shape: DistrictShape, n: number): Row {
  const s = n % shape.schools;
  const k = Math.floor(n / shape.schools);
  const [subject, code] = pick(SUBJECTS, k);
  return { sourcedId: `crs-${n}`, schoolYearSourcedId: TERMS.year, title: `${subject} ${k}`, courseCode: `${code}-${k}`, grades: pick(GRADES, s + k), orgSourcedId: school(s), subjects: subject, subjectCodes: code };
}

export function classRow(shape: DistrictShape, c: number): Row {
  const s = c % shape.schools;
  const j = Math.floor(c / shape.schools);
  const course = s + shape.schools * (j % shape.coursesPerSchool);
  const [subject, code] = pick(SUBJECTS, j % shape.coursesPerSchool);
  const yearLong = j % 3 === 0;
  return {
    sourcedId: `cls-${c}`, title: `${subject} ${j % shape.coursesPerSchool} - section ${j}`, grades: pick(GRADES, s + j), courseSourcedId: `crs-${course}`,
    classCode: `${code}-${j}`, classType: j === 0 ? 'homeroom' : 'scheduled', location: `Room ${100 + (j % 60)}`, schoolSourcedId: school(s),
    termSourcedIds: yearLong ? 'sem1,sem2' : pick(TERMS.semesters, j), subjects: subject, subjectCodes: code, periods: yearLong ? `${1 + (j % 7)},${2 + (j % 6)}` : String(1 + (j % 8)),
  };
}

/** Users: students, then teachers, staff and guardians, by one running index. */
export function userRow(shape: DistrictShape, u: number): Row {
  const given = pick(GIVEN, u * 7);
  const family = pick(FAMILY, u * 11);
  const base = { enabledUser: 'true', givenName: given, familyName: family, primaryOrgSourcedId: '' } as Row;
  if (u < shape.students) {
    const agents = [`grd-${u % shape.guardians}`, ...(u % 3 === 0 ? [`grd-${(u * 7 + 1) % shape.guardians}`] : [])];
    return {
      ...base, sourcedId: `stu-${u}`, username: `stu${u}`, userIds: `{LDAP:stu${u}},{SIS:${100_000 + u}}`, middleName: u % 4 === 0 ? pick(GIVEN, u) : '', identifier: String(100_000 + u),
      email: `stu${u}@students.riverside.example`, agentSourcedIds: [...new Set(agents)].join(','), grades: pick(GRADES, u), primaryOrgSourcedId: school(u % shape.schools),
      'metadata.homeroom': `HR-${u % 40}`, 'metadata.lunchEligibility': pick(['free', 'reduced', 'paid'], u),
    };
  }
  const t = u - shape.students;
  if (t < shape.teachers) {
    return { ...base, sourcedId: `tch-${t}`, username: `tch${t}`, userIds: `{LDAP:tch${t}}`, identifier: `T${t}`, email: `tch${t}@riverside.example`, primaryOrgSourcedId: school(t % shape.schools) };
  }
  const f = t - shape.teachers;
  if (f < shape.staff) return { ...base, sourcedId: `stf-${f}`, username: `stf${f}`, userIds: `{LDAP:stf${f}}`, identifier: `S${f}`, email: `stf${f}@riverside.example`, primaryOrgSourcedId: f < 10 ? 'dist-1' : school(f % shape.schools) };
  const g = f - shape.staff;
  return { ...base, sourcedId: `grd-${g}`, username: `grd${g}`, email: `guardian${g}@mail.example`, phone: `+1 555 ${String(g).padStart(7, '0')}`, enabledUser: g % 10 === 0 ? 'false' : 'true', primaryOrgSourcedId: school(g % shape.schools) };
}

export const userCount = (shape: DistrictShape): number => shape.students + shape.teachers + shape.staff + shape.guardians;

/** One primary role per user at their primary org; every tenth teacher also teaches at the next school. */
export function* roleRows(shape: DistrictShape): Generator<Row> {
  for (let u = 0; u < userCount(shape); u++) {
    const user = userRow(shape, u);
    yield roleRow(shape, u, user);
    const t = u - shape.students;
    if (t >= 0 && t < shape.teachers && t % 10 === 0) {
      yield { sourcedId: `rol2-${u}`, userSourcedId: user['sourcedId'] as string, roleType: 'secondary', role: 'teacher', beginDate: BEGIN, orgSourcedId: school((t + 1) % shape.schools) };
    }
  }
}

export function roleRow(shape: DistrictShape, u: number, user = userRow(shape, u)): Row {
  const f = u - shape.students - shape.teachers;
  const role =
    u < shape.students ? 'student'
    : f < 0 ? 'teacher'
    : f < 10 ? 'districtAdministrator'
    : f < shape.staff ? pick(['principal', 'siteAdministrator', 'counselor', 'aide', 'aide'], f)
    : pick(['guardian', 'parent'], f);
  return { sourcedId: `rol-${u}`, userSourcedId: user['sourcedId'] as string, roleType: 'primary', role, beginDate: BEGIN, orgSourcedId: user['primaryOrgSourcedId'] as string };
}

export function demographicsRow(u: number): Row {
  const race = u % 7;
  const flag = (k: number): string => (race === k ? 'true' : 'false');
  return {
    sourcedId: `stu-${u}`, birthDate: `${2008 + (u % 13)}-${String(1 + (u % 12)).padStart(2, '0')}-${String(1 + (u % 28)).padStart(2, '0')}`, sex: pick(['female', 'male', 'unspecified', 'female', 'male', 'other'], u),
    americanIndianOrAlaskaNative: flag(0), asian: flag(1), blackOrAfricanAmerican: flag(2), nativeHawaiianOrOtherPacificIslander: flag(3), white: flag(4), demographicRaceTwoOrMoreRaces: flag(5),
    hispanicOrLatinoEthnicity: u % 4 === 0 ? 'true' : 'false', countryOfBirthCode: u % 9 === 0 ? 'MX' : 'US', stateOfBirthAbbreviation: u % 9 === 0 ? '' : 'CA', cityOfBirth: '', publicSchoolResidenceStatus: '',
  };
}

/**
 * Enrollments in one fixed order: each class's teacher (and co-teacher for every second
 * class), then each student's 6 classes (7 for every sixth student) at their school.
 */
export function* enrollmentRows(shape: DistrictShape): Generator<Row> {
  let n = 0;
  const classes = shape.schools * shape.classesPerSchool;
  const teachersPerSchool = Math.floor(shape.teachers / shape.schools);
  for (let c = 0; c < classes; c++) {
    const s = c % shape.schools;
    const j = Math.floor(c / shape.schools);
    const teacher = (k: number): string => `tch-${s + shape.schools * (k % teachersPerSchool)}`;
    yield enrollment(n++, c, s, teacher(j), 'teacher', 'true');
    if (c % 2 === 0) yield enrollment(n++, c, s, teacher(j + 1), 'teacher', 'false');
  }
  for (let u = 0; u < shape.students; u++) {
    const s = u % shape.schools;
    const k = Math.floor(u / shape.schools);
    const count = u % 6 === 0 ? 7 : 6;
    for (let m = 0; m < count; m++) yield enrollment(n++, classOf(shape, s, (k * 7 + m * 29) % shape.classesPerSchool), s, `stu-${u}`, 'student', '');
  }
}

function enrollment(n: number, c: number, s: number, user: string, role: string, primary: string): Row {
  return { sourcedId: `enr-${n}`, classSourcedId: `cls-${c}`, schoolSourcedId: school(s), userSourcedId: user, role, primary, beginDate: BEGIN, endDate: END };
}

export function* range<T>(count: number, row: (i: number) => T): Generator<T> {
  for (let i = 0; i < count; i++) yield row(i);
}

/** The bulk package's files, in the order they are written. */
export function bulkFiles(shape: DistrictShape): [RosterFile, Rows, string[]][] {
  return [
    ['orgs', orgs(shape), []],
    ['academicSessions', sessions(), []],
    ['courses', range(shape.schools * shape.coursesPerSchool, (n) => courseRow(shape, n)), []],
    ['classes', range(shape.schools * shape.classesPerSchool, (c) => classRow(shape, c)), []],
    ['users', range(userCount(shape), (u) => userRow(shape, u)), ['metadata.homeroom', 'metadata.lunchEligibility']],
    ['roles', roleRows(shape), []],
    ['demographics', range(shape.students, demographicsRow), []],
    ['enrollments', enrollmentRows(shape), []],
  ];
}

/** Writes a 1.2 package of `files` (each mode given) with its manifest; returns rows per file. */
export async function writePackage12(dir: string, files: [RosterFile, Rows, string[]][], mode: 'bulk' | 'delta'): Promise<Map<RosterFile, number>> {
  const counts = new Map<RosterFile, number>();
  for (const [file, rows, extra] of files) {
    const header = [...(columnsFor('1.2', file) ?? []).map((c) => c.name), ...extra];
    const writer = new CsvFileWriter(path.join(dir, `${file}.csv`), header);
    let batch: CsvCell[][] = [];
    for (const row of rows) {
      batch.push(header.map((h) => row[h] ?? ''));
      if (batch.length === 5_000) {
        await writer.write(batch);
        batch = [];
      }
    }
    await writer.write(batch);
    await writer.end();
    counts.set(file, writer.rowCount);
  }
  const manifest = [['propertyName', 'value'], ['manifest.version', '1.0'], ['oneroster.version', '1.2']];
  for (const name of MANIFEST_FILES['1.2']) manifest.push([`file.${name}`, counts.has(name as RosterFile) ? mode : 'absent']);
  await writeFile(path.join(dir, 'manifest.csv'), manifest.map((r) => r.join(',')).join('\r\n') + '\r\n');
  return counts;
}
