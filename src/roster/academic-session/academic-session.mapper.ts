import { type RecordRow, dateColumn, recordColumns, recordFields } from '../shared/record-row';
import { AcademicSession } from './academic-session.type';

export interface AcademicSessionRow extends RecordRow {
  readonly sourced_id: string;
  readonly title: string;
  readonly type: string;
  readonly start_date: string;
  readonly end_date: string;
  readonly school_year: number;
  readonly parent_id: string | null;
}

/** The columns of `academic_session s` that `toAcademicSession` reads. */
export const ACADEMIC_SESSION_COLUMNS = [
  recordColumns('s'),
  's.sourced_id, s.title, s.type',
  dateColumn('s.start_date', 'start_date'),
  dateColumn('s.end_date', 'end_date'),
  's.school_year, s.parent_id',
].join(', ');

export function toAcademicSession(row: AcademicSessionRow): AcademicSession {
  return Object.assign(new AcademicSession(), {
    ...recordFields('AcademicSession', row),
    parentLocalId: row.parent_id,
    sourcedId: row.sourced_id,
    title: row.title,
    type: row.type,
    startDate: row.start_date,
    endDate: row.end_date,
    schoolYear: row.school_year,
  });
}
