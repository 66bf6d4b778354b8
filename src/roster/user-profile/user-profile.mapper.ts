import { type RecordRow, recordColumns, recordFields } from '../shared/record-row';
import { UserProfile } from './user-profile.type';

export interface UserProfileRow extends RecordRow {
  readonly sourced_id: string;
  readonly user_id: string;
  readonly profile_type: string;
  readonly vendor_id: string;
  readonly application_id: string | null;
  readonly description: string | null;
  readonly credential_type: string;
  readonly username: string;
}

/** The columns of `user_profile up` that `toUserProfile` reads. */
export const USER_PROFILE_COLUMNS = [
  recordColumns('up'),
  'up.sourced_id, up.user_id, up.profile_type, up.vendor_id, up.application_id, up.description, up.credential_type, up.username',
].join(', ');

export function toUserProfile(row: UserProfileRow): UserProfile {
  return Object.assign(new UserProfile(), {
    ...recordFields('UserProfile', row),
    userLocalId: row.user_id,
    sourcedId: row.sourced_id,
    profileType: row.profile_type,
    vendorId: row.vendor_id,
    applicationId: row.application_id,
    description: row.description,
    credentialType: row.credential_type,
    username: row.username,
  });
}
