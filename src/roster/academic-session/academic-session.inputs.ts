import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { optionalLocalId } from '../shared/ids';
import { RecordFilter, recordCriteria } from '../shared/record-filter';
import { LocalDate } from '../shared/scalars';
import type { AcademicSessionCriteria } from './academic-session.service';

export enum AcademicSessionOrder {
  START_DATE_DESC = 'START_DATE_DESC',
  START_DATE_ASC = 'START_DATE_ASC',
  TITLE_ASC = 'TITLE_ASC',
  ID_ASC = 'ID_ASC',
}

registerEnumType(AcademicSessionOrder, { name: 'AcademicSessionOrder', description: 'Ties are broken by id.' });

@InputType('AcademicSessionFilter')
export class AcademicSessionFilter extends RecordFilter {
  @Field(() => String, { nullable: true, description: 'schoolYear, semester, term, gradingPeriod, ... (exact).' })
  @MaxLength(100)
  type?: string | null;

  @Field(() => Int, { nullable: true, description: 'The year in which the school year ends.' })
  schoolYear?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this session.' })
  parentId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only sessions running on this day (both ends inclusive).' })
  activeOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the title or sourcedId, ignoring case.' })
  @MaxLength(200)
  search?: string | null;
}

export function toAcademicSessionCriteria(filter: AcademicSessionFilter | null | undefined): AcademicSessionCriteria {
  return {
    ...recordCriteria(filter),
    type: filter?.type ?? null,
    schoolYear: filter?.schoolYear ?? null,
    parentId: optionalLocalId(filter?.parentId, 'AcademicSession'),
    activeOn: filter?.activeOn ?? null,
    search: filter?.search ?? null,
  };
}
