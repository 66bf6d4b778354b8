import { MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { optionalLocalId } from '../shared/ids';
import { RecordFilter, recordCriteria } from '../shared/record-filter';
import { LocalDate } from '../shared/scalars';
import type { EnrollmentCriteria } from './enrollment.service';

export enum EnrollmentOrder {
  FAMILY_NAME_ASC = 'FAMILY_NAME_ASC',
  BEGIN_DATE_DESC = 'BEGIN_DATE_DESC',
  ID_ASC = 'ID_ASC',
}

registerEnumType(EnrollmentOrder, {
  name: 'EnrollmentOrder',
  description: 'Ties are broken by id.',
  valuesConfig: {
    FAMILY_NAME_ASC: { description: "By the enrolled user's family then given name (a class list)." },
    BEGIN_DATE_DESC: { description: 'Latest start first; enrollments without a begin date last.' },
  },
});

@InputType('EnrollmentFilter')
export class EnrollmentFilter extends RecordFilter {
  @Field(() => String, { nullable: true, description: 'student, teacher, administrator, proctor, ... (exact).' })
  @MaxLength(100)
  role?: string | null;

  @Field(() => ID, { nullable: true })
  classId?: string | null;

  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Enrollments at exactly this school.' })
  schoolId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only lead teachers (true) or everyone else (false).' })
  primary?: boolean | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Enrollments current on this day: begun (or no begin date) and not ended (or no end date); both ends inclusive.',
  })
  activeOn?: string | null;
}

export function toEnrollmentCriteria(filter: EnrollmentFilter | null | undefined): EnrollmentCriteria {
  return {
    ...recordCriteria(filter),
    role: filter?.role ?? null,
    classId: optionalLocalId(filter?.classId, 'Class'),
    userId: optionalLocalId(filter?.userId, 'User'),
    schoolId: optionalLocalId(filter?.schoolId, 'Org'),
    primary: filter?.primary ?? null,
    activeOn: filter?.activeOn ?? null,
  };
}
