import { type RecordRow, dateColumn, recordColumns, recordFields } from '../shared/record-row';
import { Enrollment } from './enrollment.type';

export interface EnrollmentRow extends RecordRow {
  readonly sourced_id: string;
  readonly class_id: string;
  readonly school_id: string;
  readonly user_id: string;
  readonly role: string;
  readonly is_primary: boolean;
  readonly begin_date: string | null;
  readonly end_date: string | null;
}

/** The columns of `enrollment e` that `toEnrollment` reads. */
export const ENROLLMENT_COLUMNS = [
  recordColumns('e'),
  'e.sourced_id, e.class_id, e.school_id, e.user_id, e.role, e.is_primary',
  dateColumn('e.begin_date', 'begin_date'),
  dateColumn('e.end_date', 'end_date'),
].join(', ');

export function toEnrollment(row: EnrollmentRow): Enrollment {
  return Object.assign(new Enrollment(), {
    ...recordFields('Enrollment', row),
    classLocalId: row.class_id,
    schoolLocalId: row.school_id,
    userLocalId: row.user_id,
    sourcedId: row.sourced_id,
    role: row.role,
    primary: row.is_primary,
    beginDate: row.begin_date,
    endDate: row.end_date,
  });
}
