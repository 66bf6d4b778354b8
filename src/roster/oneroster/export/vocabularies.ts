import { ROLES_1_1, ROLES_1_2 } from '../columns';

/**
 * 1.2's `ext:` enumeration tokens have no 1.1 spelling; a record typed by one cannot be written
 * to a 1.1 file (required enums), so it is left out (export-sets.ts), and what needs it with it.
 */
export const representableIn11 = (column: string): string => `${column} not like 'ext:%'`;

const quoted = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/**
 * A stored role in the 1.2 vocabulary. 1.1 packages are stored as sent, so a 1.1
 * `administrator` must be split the way 1.2 split it: by the kind of org the role is held at.
 * `orgType` is the SQL of that org's type.
 */
export function role12(role: string, orgType: string): string {
  return `case when ${role} in (${quoted(ROLES_1_2)}) or ${role} like 'ext:%' then ${role}
    when ${role} = 'administrator' then case when ${orgType} in ('school', 'department') then 'siteAdministrator'
      when ${orgType} in ('district', 'local', 'state', 'national') then 'districtAdministrator' else 'systemAdministrator' end
    end`;
}

/**
 * A stored role in the 1.1 vocabulary, or null when 1.1 has no word for it (an `ext:` token).
 * 1.2's administrator kinds, principal and counselor are all 1.1 `administrator`: staff with
 * authority at the org, which is what 1.1 readers grant that role.
 */
export function role11(role: string): string {
  return `case when ${role} in (${quoted(ROLES_1_1)}) then ${role}
    when ${role} in ('districtAdministrator', 'siteAdministrator', 'systemAdministrator', 'principal', 'counselor') then 'administrator'
    end`;
}
