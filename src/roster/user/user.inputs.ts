import { MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { optionalLocalId } from '../shared/ids';
import { RecordFilter, recordCriteria } from '../shared/record-filter';
import type { UserCriteria } from './user.service';

export enum UserOrder {
  FAMILY_NAME_ASC = 'FAMILY_NAME_ASC',
  FAMILY_NAME_DESC = 'FAMILY_NAME_DESC',
  GIVEN_NAME_ASC = 'GIVEN_NAME_ASC',
  USERNAME_ASC = 'USERNAME_ASC',
  SOURCED_ID_ASC = 'SOURCED_ID_ASC',
  DATE_LAST_MODIFIED_DESC = 'DATE_LAST_MODIFIED_DESC',
  ID_ASC = 'ID_ASC',
}

registerEnumType(UserOrder, {
  name: 'UserOrder',
  description: 'Ties are broken by the other name, then by id.',
  valuesConfig: {
    DATE_LAST_MODIFIED_DESC: { description: 'Most recently changed in the source first; never-dated last.' },
    // sourced_id is in the "C" collation (key-columns.ts); cursors compare in it as well.
    SOURCED_ID_ASC: { description: 'By sourcedId in byte order (Unicode code point order), whatever the database collation.' },
  },
});

@InputType('UserFilter')
export class UserFilter extends RecordFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of a name (given, family, preferred, or "given family"), email, username or identifier, ignoring case.',
  })
  @MaxLength(200)
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Users with a role of this kind (student, teacher, ...) at any org; deleted roles do not count.' })
  @MaxLength(100)
  role?: string | null;

  @Field(() => ID, { nullable: true, description: 'Users with a role at this org or at any org below it; with `role`, that role there.' })
  orgId?: string | null;

  @Field(() => Boolean, { nullable: true })
  enabledUser?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Users in this grade level (exact, e.g. `09`).' })
  @MaxLength(50)
  grade?: string | null;
}

export function toUserCriteria(filter: UserFilter | null | undefined): UserCriteria {
  return {
    ...recordCriteria(filter),
    search: filter?.search ?? null,
    role: filter?.role ?? null,
    orgId: optionalLocalId(filter?.orgId, 'Org'),
    enabledUser: filter?.enabledUser ?? null,
    grade: filter?.grade ?? null,
  };
}
