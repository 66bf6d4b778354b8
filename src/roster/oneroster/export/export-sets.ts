import type { QueryRunner } from 'typeorm';
import type { OneRosterVersion } from '../versions';
import { representableIn11, role11 } from './vocabularies';

/**
 * The records a package will contain, as temp tables `export_<table>(id, sourced_id, ...)`.
 *
 * A bulk package must be self-consistent: every sourcedId it references is defined in it. So a
 * record is exported only when it is live and every required reference it makes is exported
 * too (a class of a deleted course is left out, and so are its enrollments). The file queries
 * join these tables, which both filters rows and turns ids back into sourcedIds.
 */
export async function buildExportSets(runner: QueryRunner, system: string, version: OneRosterVersion): Promise<void> {
  const typed = (column: string): string => (version === '1.1' ? ` and ${representableIn11(column)}` : '');
  const sets: [string, string][] = [
    ['export_org', `select t.id, t.sourced_id, t.type from org t where t.system = $1 and t.deleted_at is null${typed('t.type')}`],
    ['export_session', `select t.id, t.sourced_id from academic_session t where t.system = $1 and t.deleted_at is null${typed('t.type')}`],
    [
      'export_course',
      `select t.id, t.sourced_id from course t join export_org o on o.id = t.org_id where t.system = $1 and t.deleted_at is null`,
    ],
    [
      'export_class',
      `select t.id, t.sourced_id from class t
         join export_course c on c.id = t.course_id
         join export_org o on o.id = t.school_id
        where t.system = $1 and t.deleted_at is null${typed('t.class_type')}
          and exists (select 1 from class_term ct join export_session s on s.id = ct.session_id where ct.class_id = t.id and ct.deleted_at is null)`,
    ],
    ['export_user', version === '1.1' ? USERS_1_1 : `select t.id, t.sourced_id, null::text as role from roster_user t where t.system = $1 and t.deleted_at is null`],
  ];
  if (version === '1.2') {
    // A profile of a user left out is left out with them (1.1 has no userProfiles.csv).
    sets.push([
      'export_user_profile',
      `select t.id, t.sourced_id, t.user_id from user_profile t join export_user u on u.id = t.user_id where t.system = $1 and t.deleted_at is null`,
    ]);
  }
  for (const [table, select] of sets) {
    await runner.query(`create temp table ${table} on commit drop as ${select}`, [system]);
    await runner.query(`alter table ${table} add primary key (id)`);
    await runner.query(`analyze ${table}`);
  }
  // Roles name their profile by sourcedId (see rolesQuery).
  if (version === '1.2') await runner.query(`create index on export_user_profile (sourced_id)`);
}

/**
 * 1.1 users carry one `role` and their `orgSourcedIds` (both required), so a user is exported
 * only with a live role at an exported org that 1.1 can name; the primary one wins.
 */
const USERS_1_1 = `select distinct on (t.id) t.id, t.sourced_id, ${role11('r.role')} as role
  from roster_user t
  join role r on r.user_id = t.id and r.deleted_at is null
  join export_org o on o.id = r.org_id
 where t.system = $1 and t.deleted_at is null and ${role11('r.role')} is not null
 order by t.id, (r.role_type = 'primary') desc, r.sourced_id is not null, r.id`;
