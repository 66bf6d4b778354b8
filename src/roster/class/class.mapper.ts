import { type RecordRow, recordColumns, recordFields } from '../shared/record-row';
import { RosterClass } from './class.type';

export interface ClassRow extends RecordRow {
  readonly sourced_id: string;
  readonly title: string;
  readonly class_code: string | null;
  readonly class_type: string;
  readonly location: string | null;
  readonly grades: string[];
  readonly subjects: string[];
  readonly subject_codes: string[];
  readonly periods: string[];
  readonly course_id: string;
  readonly school_id: string;
}

/** The columns of `class c` that `toClass` reads. */
export const CLASS_COLUMNS = `${recordColumns('c')}, c.sourced_id, c.title, c.class_code, c.class_type, c.location, c.grades, c.subjects, c.subject_codes, c.periods, c.course_id, c.school_id`;

export function toClass(row: ClassRow): RosterClass {
  return Object.assign(new RosterClass(), {
    ...recordFields('Class', row),
    courseLocalId: row.course_id,
    schoolLocalId: row.school_id,
    sourcedId: row.sourced_id,
    title: row.title,
    classCode: row.class_code,
    classType: row.class_type,
    location: row.location,
    grades: row.grades,
    subjects: row.subjects,
    subjectCodes: row.subject_codes,
    periods: row.periods,
  });
}
