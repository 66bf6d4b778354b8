import { type RecordRow, recordColumns, recordFields } from '../shared/record-row';
import { User } from './user.type';

export interface UserRow extends RecordRow {
  readonly sourced_id: string;
  readonly enabled_user: boolean;
  readonly username: string;
  readonly given_name: string;
  readonly family_name: string;
  readonly middle_name: string | null;
  readonly preferred_given_name: string | null;
  readonly preferred_middle_name: string | null;
  readonly preferred_family_name: string | null;
  readonly identifier: string | null;
  readonly email: string | null;
  readonly sms: string | null;
  readonly phone: string | null;
  readonly grades: string[];
  readonly user_master_identifier: string | null;
  readonly primary_org_id: string | null;
  readonly pronouns: string | null;
}

/** The columns of `roster_user u` that `toUser` reads. */
export const USER_COLUMNS = [
  recordColumns('u'),
  'u.sourced_id, u.enabled_user, u.username, u.given_name, u.family_name, u.middle_name',
  'u.preferred_given_name, u.preferred_middle_name, u.preferred_family_name',
  'u.identifier, u.email, u.sms, u.phone, u.grades, u.user_master_identifier, u.primary_org_id, u.pronouns',
].join(', ');

export function toUser(row: UserRow): User {
  return Object.assign(new User(), {
    ...recordFields('User', row),
    primaryOrgLocalId: row.primary_org_id,
    sourcedId: row.sourced_id,
    enabledUser: row.enabled_user,
    username: row.username,
    givenName: row.given_name,
    familyName: row.family_name,
    middleName: row.middle_name,
    preferredGivenName: row.preferred_given_name,
    preferredMiddleName: row.preferred_middle_name,
    preferredFamilyName: row.preferred_family_name,
    identifier: row.identifier,
    email: row.email,
    sms: row.sms,
    phone: row.phone,
    grades: row.grades,
    userMasterIdentifier: row.user_master_identifier,
    pronouns: row.pronouns,
  });
}
