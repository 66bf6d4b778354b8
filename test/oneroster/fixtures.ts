import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { columnsFor } from '../../src/roster/oneroster/columns';
import { MANIFEST_FILES, type OneRosterVersion, type RosterFile } from '../../src/roster/oneroster/versions';

export type Row = Record<string, string>;

export interface FileFixture {
  readonly mode: 'bulk' | 'delta';
  readonly rows: readonly Row[];
  /** Extra header columns after the spec's (e.g. `metadata.house`). */
  readonly extra?: readonly string[];
  /** Replace the header entirely (to test header rules). */
  readonly header?: readonly string[];
}

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Writes a OneRoster package folder: manifest with every file.* of the version declared, and
 * one CSV per given file with the spec's exact header; rows name only the columns they fill.
 */
export function writePackage(version: OneRosterVersion, files: Partial<Record<RosterFile, FileFixture>>, manifestExtra: string[][] = []): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oneroster-fixture-'));
  const manifest = [['propertyName', 'value'], ['manifest.version', '1.0'], ['oneroster.version', version]];
  for (const name of MANIFEST_FILES[version]) manifest.push([`file.${name}`, files[name as RosterFile]?.mode ?? 'absent']);
  manifest.push(...manifestExtra);
  writeFileSync(path.join(dir, 'manifest.csv'), manifest.map((r) => r.join(',')).join('\r\n') + '\r\n');
  for (const [name, fixture] of Object.entries(files) as [RosterFile, FileFixture][]) {
    const spec = columnsFor(version, name);
    if (!spec) throw new Error(`${name} is not a ${version} file`);
    const header = fixture.header ?? [...spec.map((c) => c.name), ...(fixture.extra ?? [])];
    const lines = [header.join(','), ...fixture.rows.map((row) => header.map((h) => quote(row[h] ?? '')).join(','))];
    writeFileSync(path.join(dir, `${name}.csv`), lines.join('\r\n') + '\r\n');
  }
  return dir;
}

/** A small valid 1.2 district: one district, two schools, a year with two terms, courses, classes, people. */
export function district12(overrides: Partial<Record<RosterFile, FileFixture>> = {}): string {
  return writePackage('1.2', {
    orgs: {
      mode: 'bulk',
      rows: [
        { sourcedId: 'd1', name: 'District', type: 'district' },
        { sourcedId: 's1', name: 'North School', type: 'school', parentSourcedId: 'd1' },
        { sourcedId: 's2', name: 'South School', type: 'school', parentSourcedId: 'd1' },
      ],
    },
    academicSessions: {
      mode: 'bulk',
      rows: [
        { sourcedId: 'y2025', title: '2024-25', type: 'schoolYear', startDate: '2024-09-01', endDate: '2025-07-31', schoolYear: '2025' },
        { sourcedId: 't1', title: 'Autumn', type: 'term', startDate: '2024-09-01', endDate: '2024-12-20', parentSourcedId: 'y2025', schoolYear: '2025' },
        { sourcedId: 't2', title: 'Spring', type: 'term', startDate: '2025-01-06', endDate: '2025-07-31', parentSourcedId: 'y2025', schoolYear: '2025' },
      ],
    },
    courses: {
      mode: 'bulk',
      rows: [{ sourcedId: 'c1', title: 'Maths', schoolYearSourcedId: 'y2025', orgSourcedId: 's1', grades: '09,10', subjects: 'Maths', subjectCodes: 'MA' }],
    },
    classes: {
      mode: 'bulk',
      rows: [
        { sourcedId: 'k1', title: 'Maths 9A', courseSourcedId: 'c1', classType: 'scheduled', schoolSourcedId: 's1', termSourcedIds: 't1,t2', periods: '1,2' },
        { sourcedId: 'k2', title: 'Maths 9B', courseSourcedId: 'c1', classType: 'scheduled', schoolSourcedId: 's1', termSourcedIds: 't1' },
      ],
    },
    users: {
      mode: 'bulk',
      extra: ['metadata.house'],
      rows: [
        { sourcedId: 'u1', enabledUser: 'true', username: 'ada', userIds: '{LDAP:ada},{SIS:1001}', givenName: 'Ada', familyName: 'Lovelace', email: 'Ada@School.org', identifier: 'S1001', grades: '09', 'metadata.house': 'Blue' },
        { sourcedId: 'u2', enabledUser: 'true', username: 'alan', givenName: 'Alan', familyName: 'Turing', email: 'alan@school.org', agentSourcedIds: 'u4' },
        { sourcedId: 't9', enabledUser: 'true', username: 'grace', givenName: 'Grace', familyName: 'Hopper', identifier: 'T9' },
        { sourcedId: 'u4', enabledUser: 'true', username: 'parent', givenName: 'Pat', familyName: 'Turing' },
      ],
    },
    roles: {
      mode: 'bulk',
      rows: [
        { sourcedId: 'r1', userSourcedId: 'u1', roleType: 'primary', role: 'student', orgSourcedId: 's1' },
        { sourcedId: 'r2', userSourcedId: 'u2', roleType: 'primary', role: 'student', orgSourcedId: 's1' },
        { sourcedId: 'r3', userSourcedId: 't9', roleType: 'primary', role: 'teacher', orgSourcedId: 's1' },
        { sourcedId: 'r4', userSourcedId: 't9', roleType: 'secondary', role: 'teacher', orgSourcedId: 's2' },
        { sourcedId: 'r5', userSourcedId: 'u4', roleType: 'primary', role: 'parent', orgSourcedId: 's1' },
      ],
    },
    demographics: { mode: 'bulk', rows: [{ sourcedId: 'u1', birthDate: '2010-12-10', sex: 'female' }] },
    enrollments: {
      mode: 'bulk',
      rows: [
        { sourcedId: 'e1', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u1', role: 'student', beginDate: '2024-09-01' },
        { sourcedId: 'e2', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 'u2', role: 'student' },
        { sourcedId: 'e3', classSourcedId: 'k1', schoolSourcedId: 's1', userSourcedId: 't9', role: 'teacher', primary: 'true' },
        { sourcedId: 'e4', classSourcedId: 'k2', schoolSourcedId: 's1', userSourcedId: 't9', role: 'teacher', primary: 'true' },
      ],
    },
    ...overrides,
  });
}
