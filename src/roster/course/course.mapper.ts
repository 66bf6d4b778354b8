import { type RecordRow, recordColumns, recordFields } from '../shared/record-row';
import { Course } from './course.type';

export interface CourseRow extends RecordRow {
  readonly sourced_id: string;
  readonly title: string;
  readonly course_code: string | null;
  readonly grades: string[];
  readonly subjects: string[];
  readonly subject_codes: string[];
  readonly org_id: string;
  readonly school_year_id: string | null;
}

/** The columns of `course co` that `toCourse` reads. */
export const COURSE_COLUMNS = `${recordColumns('co')}, co.sourced_id, co.title, co.course_code, co.grades, co.subjects, co.subject_codes, co.org_id, co.school_year_id`;

export function toCourse(row: CourseRow): Course {
  return Object.assign(new Course(), {
    ...recordFields('Course', row),
    orgLocalId: row.org_id,
    schoolYearLocalId: row.school_year_id,
    sourcedId: row.sourced_id,
    title: row.title,
    courseCode: row.course_code,
    grades: row.grades,
    subjects: row.subjects,
    subjectCodes: row.subject_codes,
  });
}
