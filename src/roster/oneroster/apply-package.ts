import { applyRecords, type RecordSpec } from './apply-records';
import { applyLinks } from './apply-links';
import type { ImportContext } from './import-context';

const text = (column: string): string => `s.${column}`;
const date = (column: string): string => `s.${column}::date`;
const list = (column: string): string => `coalesce(s.${column}::text[], '{}')`;
const bool = (column: string): string => `s.${column}::boolean`;

/** Joins that resolve a staged reference to the id of a record of this system. */
const ref = (alias: string, table: string, column: string, kind: 'join' | 'left join' = 'join'): string =>
  `${kind} ${table} ${alias} on ${alias}.system = $1 and ${alias}.sourced_id = s.${column}`;

/**
 * Applies the checked package in dependency order, parents before children, all in the
 * import's one transaction.
 */
export async function applyPackage(ctx: ImportContext): Promise<void> {
  const specs: RecordSpec[] = [
    {
      file: 'academicSessions',
      table: 'academic_session',
      touched: true,
      columns: [
        { name: 'title', expr: text('title') },
        { name: 'type', expr: text('type') },
        { name: 'start_date', expr: date('start_date') },
        { name: 'end_date', expr: date('end_date') },
        { name: 'school_year', expr: 's.school_year::integer' },
        { name: 'parent_id', expr: 'p.id' },
      ],
      joins: ref('p', 'academic_session', 'parent_sourced_id', 'left join'),
    },
    {
      file: 'orgs',
      table: 'org',
      touched: true,
      columns: [
        { name: 'name', expr: text('name') },
        { name: 'type', expr: text('type') },
        { name: 'identifier', expr: text('identifier') },
        { name: 'parent_id', expr: 'p.id' },
      ],
      joins: ref('p', 'org', 'parent_sourced_id', 'left join'),
    },
    {
      file: 'courses',
      table: 'course',
      columns: [
        { name: 'title', expr: text('title') },
        { name: 'school_year_id', expr: 'y.id' },
        { name: 'course_code', expr: text('course_code') },
        { name: 'grades', expr: list('grades') },
        { name: 'org_id', expr: 'o.id' },
        { name: 'subjects', expr: list('subjects') },
        { name: 'subject_codes', expr: list('subject_codes') },
      ],
      joins: `${ref('y', 'academic_session', 'school_year_sourced_id', 'left join')} ${ref('o', 'org', 'org_sourced_id')}`,
    },
    {
      file: 'classes',
      table: 'class',
      touched: true,
      columns: [
        { name: 'title', expr: text('title') },
        { name: 'grades', expr: list('grades') },
        { name: 'course_id', expr: 'c.id' },
        { name: 'class_code', expr: text('class_code') },
        { name: 'class_type', expr: text('class_type') },
        { name: 'location', expr: text('location') },
        { name: 'school_id', expr: 'o.id' },
        { name: 'subjects', expr: list('subjects') },
        { name: 'subject_codes', expr: list('subject_codes') },
        { name: 'periods', expr: list('periods') },
      ],
      joins: `${ref('c', 'course', 'course_sourced_id')} ${ref('o', 'org', 'school_sourced_id')}`,
    },
  ];
  for (const spec of specs) {
    await applyRecords(ctx, spec);
    // Parents created by the statement above could not be joined by it; link them now.
    if (spec.table === 'academic_session' || spec.table === 'org') await linkParents(ctx, spec);
  }

  const users = ctx.plan('users');
  const hasPrimaryOrg = users?.columns.some((c) => c.name === 'primaryOrgSourcedId') ?? false;
  await applyRecords(ctx, {
    file: 'users',
    table: 'roster_user',
    touched: true,
    deleted: true,
    columns: [
      { name: 'enabled_user', expr: bool('enabled_user') },
      { name: 'username', expr: text('username') },
      { name: 'given_name', expr: text('given_name') },
      { name: 'family_name', expr: text('family_name') },
      { name: 'middle_name', expr: text('middle_name') },
      { name: 'identifier', expr: text('identifier') },
      { name: 'email', expr: text('email') },
      { name: 'sms', expr: text('sms') },
      { name: 'phone', expr: text('phone') },
      { name: 'grades', expr: list('grades') },
      ...(hasPrimaryOrg
        ? [
            { name: 'user_master_identifier', expr: text('user_master_identifier') },
            { name: 'preferred_given_name', expr: text('preferred_given_name') },
            { name: 'preferred_middle_name', expr: text('preferred_middle_name') },
            { name: 'preferred_family_name', expr: text('preferred_family_name') },
            { name: 'primary_org_id', expr: 'po.id' },
            { name: 'pronouns', expr: text('pronouns') },
          ]
        : []),
    ],
    ...(hasPrimaryOrg ? { joins: ref('po', 'org', 'primary_org_sourced_id', 'left join') } : {}),
  });

  // After users (a profile names its user), before roles (a role names a profile).
  await applyRecords(ctx, {
    file: 'userProfiles',
    table: 'user_profile',
    columns: [
      { name: 'user_id', expr: 'u.id' },
      { name: 'profile_type', expr: text('profile_type') },
      { name: 'vendor_id', expr: text('vendor_id') },
      { name: 'application_id', expr: text('application_id') },
      { name: 'description', expr: text('description') },
      { name: 'credential_type', expr: text('credential_type') },
      { name: 'username', expr: text('username') },
    ],
    joins: ref('u', 'roster_user', 'user_sourced_id'),
  });

  await applyRecords(ctx, {
    file: 'roles',
    table: 'role',
    columns: [
      { name: 'user_id', expr: 'u.id' },
      { name: 'org_id', expr: 'o.id' },
      { name: 'role_type', expr: text('role_type') },
      { name: 'role', expr: text('role') },
      { name: 'begin_date', expr: date('begin_date') },
      { name: 'end_date', expr: date('end_date') },
      { name: 'user_profile', expr: text('user_profile_sourced_id') },
    ],
    joins: `${ref('u', 'roster_user', 'user_sourced_id')} ${ref('o', 'org', 'org_sourced_id')}`,
  });

  await applyRecords(ctx, {
    file: 'demographics',
    table: 'demographics',
    columns: [
      { name: 'user_id', expr: 'u.id' },
      { name: 'birth_date', expr: date('birth_date') },
      { name: 'sex', expr: text('sex') },
      { name: 'american_indian_or_alaska_native', expr: bool('american_indian_or_alaska_native') },
      { name: 'asian', expr: bool('asian') },
      { name: 'black_or_african_american', expr: bool('black_or_african_american') },
      { name: 'native_hawaiian_or_other_pacific_islander', expr: bool('native_hawaiian_or_other_pacific_islander') },
      { name: 'white', expr: bool('white') },
      { name: 'demographic_race_two_or_more_races', expr: bool('demographic_race_two_or_more_races') },
      { name: 'hispanic_or_latino_ethnicity', expr: bool('hispanic_or_latino_ethnicity') },
      { name: 'country_of_birth_code', expr: text('country_of_birth_code') },
      { name: 'state_of_birth_abbreviation', expr: text('state_of_birth_abbreviation') },
      { name: 'city_of_birth', expr: text('city_of_birth') },
      { name: 'public_school_residence_status', expr: text('public_school_residence_status') },
    ],
    joins: ref('u', 'roster_user', 'sourced_id'),
  });

  await applyRecords(ctx, {
    file: 'enrollments',
    table: 'enrollment',
    columns: [
      { name: 'class_id', expr: 'c.id' },
      { name: 'school_id', expr: 'o.id' },
      { name: 'user_id', expr: 'u.id' },
      { name: 'role', expr: text('role') },
      // Lenient mode keeps a non-teacher's primary=true row (with a warning) but not the flag.
      { name: 'is_primary', expr: `coalesce(s."primary"::boolean, false) and s.role = 'teacher'` },
      { name: 'begin_date', expr: date('begin_date') },
      { name: 'end_date', expr: date('end_date') },
    ],
    joins: `${ref('c', 'class', 'class_sourced_id')} ${ref('o', 'org', 'school_sourced_id')} ${ref('u', 'roster_user', 'user_sourced_id')}`,
  });

  await applyLinks(ctx);
}

/** Sets parent ids the upsert could not resolve (parents inserted by the same statement). */
async function linkParents(ctx: ImportContext, spec: RecordSpec): Promise<void> {
  const plan = ctx.plan(spec.file);
  if (!plan) return;
  const changed = await ctx.query<{ id: string }>(
    `with linked as (
       update ${spec.table} t set parent_id = x.parent_id, updated_at = now()
         from (select s.sourced_id, p.id as parent_id from ${plan.staging.table} s
                 left join ${spec.table} p on p.system = $1 and p.sourced_id = s.parent_sourced_id
                where s.status is distinct from 'tobedeleted') x
        where t.system = $1 and t.sourced_id = x.sourced_id and t.parent_id is distinct from x.parent_id
        returning t.id
     ) insert into touched_${spec.table} select id, false from linked on conflict (id) do nothing returning id`,
    [ctx.system],
  );
  // Rows first seen as unchanged but whose parent only now resolves are updates after all.
  const count = ctx.count(spec.file);
  count.updated += changed.length;
  count.unchanged -= changed.length;
}
