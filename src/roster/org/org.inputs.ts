import { MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { optionalLocalId } from '../shared/ids';
import { RecordFilter, recordCriteria } from '../shared/record-filter';
import type { OrgCriteria } from './org.service';

export enum OrgOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  SOURCED_ID_ASC = 'SOURCED_ID_ASC',
  ID_ASC = 'ID_ASC',
}

registerEnumType(OrgOrder, {
  name: 'OrgOrder',
  description: 'Ties are broken by id, so every order is total.',
  // sourced_id is in the "C" collation (key-columns.ts); cursors compare in it as well.
  valuesConfig: { SOURCED_ID_ASC: { description: 'By sourcedId in byte order (Unicode code point order), whatever the database collation.' } },
});

@InputType('OrgFilter')
export class OrgFilter extends RecordFilter {
  @Field(() => String, { nullable: true, description: 'school, district, department, ... (exact).' })
  @MaxLength(100)
  type?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this org.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, identifier or sourcedId, ignoring case.' })
  @MaxLength(200)
  search?: string | null;
}

export function toOrgCriteria(filter: OrgFilter | null | undefined): OrgCriteria {
  return {
    ...recordCriteria(filter),
    type: filter?.type ?? null,
    parentId: optionalLocalId(filter?.parentId, 'Org'),
    search: filter?.search ?? null,
  };
}
