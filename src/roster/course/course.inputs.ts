import { MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { optionalLocalId } from '../shared/ids';
import { RecordFilter, recordCriteria } from '../shared/record-filter';
import type { CourseCriteria } from './course.service';

export enum CourseOrder {
  TITLE_ASC = 'TITLE_ASC',
  COURSE_CODE_ASC = 'COURSE_CODE_ASC',
  ID_ASC = 'ID_ASC',
}

registerEnumType(CourseOrder, { name: 'CourseOrder', description: 'Ties are broken by id.' });

@InputType('CourseFilter')
export class CourseFilter extends RecordFilter {
  @Field(() => ID, { nullable: true, description: 'Courses of this org or of any org below it.' })
  orgId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Courses of this school year (an AcademicSession).' })
  schoolYearId?: string | null;

  @Field(() => String, { nullable: true, description: 'Courses for this grade level (exact, e.g. `09`).' })
  @MaxLength(50)
  grade?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the title, course code or sourcedId, ignoring case.' })
  @MaxLength(200)
  search?: string | null;
}

export function toCourseCriteria(filter: CourseFilter | null | undefined): CourseCriteria {
  return {
    ...recordCriteria(filter),
    orgId: optionalLocalId(filter?.orgId, 'Org'),
    schoolYearId: optionalLocalId(filter?.schoolYearId, 'AcademicSession'),
    grade: filter?.grade ?? null,
    search: filter?.search ?? null,
  };
}
