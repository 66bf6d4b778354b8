import { type RecordRow, dateColumn, recordColumns, recordFields } from '../shared/record-row';
import type { RoleType } from './role-type';
import { Role } from './role.type';

export interface RoleRow extends RecordRow {
  readonly sourced_id: string | null;
  readonly user_id: string;
  readonly org_id: string;
  readonly role_type: string;
  readonly role: string;
  readonly begin_date: string | null;
  readonly end_date: string | null;
  readonly user_profile: string | null;
}

/** The columns of `role r` that `toRole` reads. */
export const ROLE_COLUMNS = [
  recordColumns('r'),
  'r.sourced_id, r.user_id, r.org_id, r.role_type, r.role',
  dateColumn('r.begin_date', 'begin_date'),
  dateColumn('r.end_date', 'end_date'),
  'r.user_profile',
].join(', ');

export function toRole(row: RoleRow): Role {
  return Object.assign(new Role(), {
    ...recordFields('Role', row),
    userLocalId: row.user_id,
    orgLocalId: row.org_id,
    sourcedId: row.sourced_id,
    // The check constraint on `role_type` keeps it within the enum.
    roleType: row.role_type as RoleType,
    role: row.role,
    beginDate: row.begin_date,
    endDate: row.end_date,
    userProfile: row.user_profile,
  });
}
