import { classRow, courseRow, demographicsRow, type DistrictShape, enrollmentRows, orgs, range, roleRow, type Row, type Rows, userCount, userRow } from './oneroster-district';
import type { RosterFile } from '../src/roster/oneroster/versions';

/**
 * A delta touching every `every`th row of each file (1% at 100), starting at row `offset`:
 * changed fields on most, and a fifth of the touched enrollments sent as `tobedeleted`. Users
 * are never deleted here, so no row references a record the same delta deletes. Two deltas with
 * different offsets touch different rows.
 */
export function deltaFiles(shape: DistrictShape, every: number, modified: string, offset = 0): [RosterFile, Rows, string[]][] {
  const active = (row: Row): Row => ({ ...row, status: 'active', dateLastModified: modified });
  const sample = function* (rows: Rows, change: (row: Row, n: number) => Row): Generator<Row> {
    let n = 0;
    for (const row of rows) {
      if (n >= offset && (n - offset) % every === 0) yield change(row, (n - offset) / every);
      n++;
    }
  };
  return [
    ['orgs', sample(orgs(shape), (r) => active({ ...r, name: `${r['name']} (renamed)` })), []],
    ['courses', sample(range(shape.schools * shape.coursesPerSchool, (n) => courseRow(shape, n)), (r) => active({ ...r, title: `${r['title']} (revised)` })), []],
    ['classes', sample(range(shape.schools * shape.classesPerSchool, (c) => classRow(shape, c)), (r) => active({ ...r, location: 'Portable 3' })), []],
    ['users', sample(range(userCount(shape), (u) => userRow(shape, u)), (r) => active({ ...r, email: `new.${r['email']}` })), ['metadata.homeroom', 'metadata.lunchEligibility']],
    ['roles', sample(range(userCount(shape), (u) => roleRow(shape, u)), (r) => active({ ...r, endDate: '2026-03-31' })), []],
    ['demographics', sample(range(shape.students, demographicsRow), (r) => active({ ...r, cityOfBirth: 'Oakland' })), []],
    [
      'enrollments',
      sample(enrollmentRows(shape), (r, k) => (k % 5 === 0 ? { ...r, status: 'tobedeleted', dateLastModified: modified } : active({ ...r, endDate: '2026-03-31' }))),
      [],
    ],
  ];
}
