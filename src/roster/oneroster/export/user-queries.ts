import type { OneRosterVersion } from '../versions';
import type { ExportQuery } from './export-query';
import { HEAD } from './record-queries';
import { role12 } from './vocabularies';
import { BLANK, boolText, dateText, listText } from './sql-text';

/** `{type:id}` pairs from the user's live `userId` identifiers (a set: sorted for reproducible files). */
const USER_IDS = `(select string_agg('{' || i.namespace || ':' || i.value || '}', ',' order by i.namespace, i.value)
  from user_identifier i where i.user_id = t.id and i.kind = 'userId' and i.deleted_at is null)`;

/**
 * Agents that are themselves in the package; a deleted parent drops out of the list (null is
 * skipped by string_agg). Lookups are scalar subqueries, not joins: see export-oneroster.ts on
 * why the export plans without nested-loop joins.
 */
const AGENTS = `(select string_agg(x.sourced_id, ',' order by x.sourced_id) from (
  select (select a.sourced_id from export_user a where a.id = g.agent_user_id) as sourced_id
    from agent g where g.user_id = t.id and g.deleted_at is null) x)`;

/** 1.1 `orgSourcedIds`: every exported org the user holds a live role at. */
const ROLE_ORGS = `(select string_agg(distinct x.sourced_id, ',' order by x.sourced_id) from (
  select (select o.sourced_id from export_org o where o.id = r.org_id) as sourced_id
    from role r where r.user_id = t.id and r.deleted_at is null) x)`;

export function usersQuery(version: OneRosterVersion): ExportQuery {
  const common = {
    ...HEAD,
    enabledUser: boolText('t.enabled_user'),
    username: 't.username',
    userIds: USER_IDS,
    givenName: 't.given_name',
    familyName: 't.family_name',
    middleName: 't.middle_name',
    identifier: 't.identifier',
    email: 't.email',
    sms: 't.sms',
    phone: 't.phone',
    agentSourcedIds: AGENTS,
    grades: listText('t.grades'),
    // Never stored (see UserEntity), so never exported.
    password: BLANK,
  };
  if (version === '1.1') {
    return {
      file: 'users',
      table: 'roster_user',
      from: `roster_user t join export_user x on x.id = t.id`,
      // The role chosen for 1.1 is computed once, with the export set (export-sets.ts).
      columns: { ...common, orgSourcedIds: ROLE_ORGS, role: 'x.role' },
    };
  }
  return {
    file: 'users',
    table: 'roster_user',
    from: `roster_user t join export_user x on x.id = t.id left join export_org po on po.id = t.primary_org_id`,
    columns: {
      ...common,
      userMasterIdentifier: 't.user_master_identifier',
      preferredGivenName: 't.preferred_given_name',
      preferredMiddleName: 't.preferred_middle_name',
      preferredFamilyName: 't.preferred_family_name',
      primaryOrgSourcedId: 'po.sourced_id',
      pronouns: 't.pronouns',
    },
  };
}

/**
 * A role's profile as sent. When the package has a userProfiles.csv, the import requires the
 * profile to be in it and of the role's user: a profile not exported (deleted) is written
 * blank, as a deleted optional reference is. Without profiles the text goes as it came.
 */
const ROLE_PROFILE = `case when t.user_profile is null or not exists (select 1 from export_user_profile) then t.user_profile
  else (select p.sourced_id from export_user_profile p where p.sourced_id = t.user_profile and p.user_id = t.user_id) end`;

/**
 * 1.2 roles.csv. Roles mapped from a 1.1 user have no sourcedId, yet 1.2 requires one: they get
 * a stable one derived from what identifies them (user, org, role), so exporting twice writes
 * the same id. The lengths keep `a/b`+`c` apart from `a`+`b/c`.
 */
export const rolesQuery: ExportQuery = {
  file: 'roles',
  table: 'role',
  from: `role t join export_user u on u.id = t.user_id join export_org o on o.id = t.org_id`,
  // A role 1.2 has no word for (only a malformed stored value) cannot be written.
  where: `${role12('t.role', 'o.type')} is not null`,
  columns: {
    ...HEAD,
    sourcedId: `coalesce(t.sourced_id, 'role-' || md5(format('%s:%s:%s:%s:%s', length(u.sourced_id), u.sourced_id, length(o.sourced_id), o.sourced_id, t.role)))`,
    userSourcedId: 'u.sourced_id',
    roleType: 't.role_type',
    role: role12('t.role', 'o.type'),
    beginDate: dateText('t.begin_date'),
    endDate: dateText('t.end_date'),
    orgSourcedId: 'o.sourced_id',
    userProfileSourcedId: ROLE_PROFILE,
  },
};

/** 1.2 userProfiles.csv; the password is never stored, so it is written blank. */
export const userProfilesQuery: ExportQuery = {
  file: 'userProfiles',
  table: 'user_profile',
  from: `user_profile t join export_user_profile x on x.id = t.id join export_user u on u.id = t.user_id`,
  columns: {
    ...HEAD,
    userSourcedId: 'u.sourced_id',
    profileType: 't.profile_type',
    vendorId: 't.vendor_id',
    applicationId: 't.application_id',
    description: 't.description',
    credentialType: 't.credential_type',
    username: 't.username',
    password: BLANK,
  },
};
