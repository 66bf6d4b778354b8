import { MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { optionalLocalId } from '../shared/ids';
import { RecordFilter, recordCriteria } from '../shared/record-filter';
import type { ClassCriteria } from './class.service';

export enum ClassOrder {
  TITLE_ASC = 'TITLE_ASC',
  CLASS_CODE_ASC = 'CLASS_CODE_ASC',
  ID_ASC = 'ID_ASC',
}

registerEnumType(ClassOrder, { name: 'ClassOrder', description: 'Ties are broken by id.' });

@InputType('ClassFilter')
export class ClassFilter extends RecordFilter {
  @Field(() => ID, { nullable: true, description: 'Classes at this org or at any org below it (a district: all its schools).' })
  orgId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Classes at exactly this school.' })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true })
  courseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Classes taught in this term (an AcademicSession).' })
  termId?: string | null;

  @Field(() => String, { nullable: true, description: 'homeroom or scheduled.' })
  @MaxLength(100)
  classType?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the title, class code or sourcedId, ignoring case.' })
  @MaxLength(200)
  search?: string | null;
}

export function toClassCriteria(filter: ClassFilter | null | undefined): ClassCriteria {
  return {
    ...recordCriteria(filter),
    orgId: optionalLocalId(filter?.orgId, 'Org'),
    schoolId: optionalLocalId(filter?.schoolId, 'Org'),
    courseId: optionalLocalId(filter?.courseId, 'Course'),
    termId: optionalLocalId(filter?.termId, 'AcademicSession'),
    classType: filter?.classType ?? null,
    search: filter?.search ?? null,
  };
}
