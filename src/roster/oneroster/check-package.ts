import { buildKnown, type Known, rejectDuplicates, rejectParentCycles, requireListReferences, requireReference, skipStaleDeltas } from './checks';
import type { ImportContext } from './import-context';
import type { RosterFile } from './versions';

/**
 * Checks every staged file in dependency order (a rejected class makes its enrollments'
 * references fail in turn), leaving only rows that can be applied.
 */
export async function checkPackage(ctx: ImportContext): Promise<void> {
  const sessions = await checkHierarchy(ctx, 'academicSessions', 'academic_session', 'academic session');
  const orgs = await checkHierarchy(ctx, 'orgs', 'org', 'org');

  await checkRecords(ctx, 'courses', 'course');
  await requireReference(ctx, 'courses', {
    column: 'school_year_sourced_id',
    header: 'schoolYearSourcedId',
    known: sessions,
    target: 'academicSessions',
    what: 'academic session',
    optional: true,
    type: { value: 'schoolYear', code: 'oneroster.semantic.school_year_type', message: 'schoolYearSourcedId must name an academic session of type schoolYear' },
  });
  await requireReference(ctx, 'courses', { column: 'org_sourced_id', header: 'orgSourcedId', known: orgs, target: 'orgs', what: 'org' });
  const courses = await buildKnown(ctx, 'courses', 'course', false);

  await checkRecords(ctx, 'classes', 'class');
  await requireReference(ctx, 'classes', { column: 'course_sourced_id', header: 'courseSourcedId', known: courses, target: 'courses', what: 'course' });
  await requireReference(ctx, 'classes', { column: 'school_sourced_id', header: 'schoolSourcedId', known: orgs, target: 'orgs', what: 'org', type: SCHOOL });
  await requireListReferences(ctx, 'classes', { column: 'term_sourced_ids', header: 'termSourcedIds', known: sessions, target: 'academicSessions', what: 'academic session' });
  const classes = await buildKnown(ctx, 'classes', 'class', false);

  await checkRecords(ctx, 'users', 'roster_user');
  if (ctx.plan('users')?.columns.some((c) => c.name === 'orgSourcedIds')) {
    await requireListReferences(ctx, 'users', { column: 'org_sourced_ids', header: 'orgSourcedIds', known: orgs, target: 'orgs', what: 'org' });
  }
  if (ctx.plan('users')?.columns.some((c) => c.name === 'primaryOrgSourcedId')) {
    await requireReference(ctx, 'users', { column: 'primary_org_sourced_id', header: 'primaryOrgSourcedId', known: orgs, target: 'orgs', what: 'org', optional: true });
  }
  const users = await buildKnown(ctx, 'users', 'roster_user', false);
  await requireListReferences(ctx, 'users', { column: 'agent_sourced_ids', header: 'agentSourcedIds', known: users, target: 'users', what: 'user' });

  await checkRecords(ctx, 'userProfiles', null);
  await requireReference(ctx, 'userProfiles', { column: 'user_sourced_id', header: 'userSourcedId', known: users, target: 'users', what: 'user' });

  await checkRecords(ctx, 'roles', 'role');
  await requireReference(ctx, 'roles', { column: 'user_sourced_id', header: 'userSourcedId', known: users, target: 'users', what: 'user' });
  await requireReference(ctx, 'roles', { column: 'org_sourced_id', header: 'orgSourcedId', known: orgs, target: 'orgs', what: 'org' });
  const profiles = ctx.plan('userProfiles');
  if (profiles) {
    await ctx.reject(
      'roles',
      `s.user_profile_sourced_id is not null and not exists (select 1 from ${profiles.staging.table} p where p.sourced_id = s.user_profile_sourced_id and p.user_sourced_id = s.user_sourced_id)`,
      [],
      { code: 'oneroster.reference.missing', message: 'userProfileSourcedId names no user profile of this user in this package', column: 'userProfileSourcedId' },
    );
  }
  await ctx.reject(
    'roles',
    `s.line in (select line from (select line, row_number() over (partition by user_sourced_id collate "C", org_sourced_id collate "C" order by line) as n
       from ${ctx.plan('roles')?.staging.table ?? 'stage_roles'} where role_type = 'primary' and status is distinct from 'tobedeleted') p where p.n > 1)`,
    [],
    { code: 'oneroster.semantic.primary_role_multiple', message: 'a user may have one primary role per org; an earlier line already gives one', column: 'roleType' },
  );

  await checkRecords(ctx, 'demographics', 'demographics');
  await requireReference(ctx, 'demographics', { column: 'sourced_id', header: 'sourcedId', known: users, target: 'users', what: 'user' });

  await checkRecords(ctx, 'enrollments', 'enrollment');
  await requireReference(ctx, 'enrollments', { column: 'class_sourced_id', header: 'classSourcedId', known: classes, target: 'classes', what: 'class' });
  await requireReference(ctx, 'enrollments', { column: 'school_sourced_id', header: 'schoolSourcedId', known: orgs, target: 'orgs', what: 'org', type: SCHOOL });
  await requireReference(ctx, 'enrollments', { column: 'user_sourced_id', header: 'userSourcedId', known: users, target: 'users', what: 'user' });
  const primaryNotTeacher = { code: 'oneroster.semantic.primary_not_teacher', message: 'primary may be true only for teachers', column: 'primary' };
  if (ctx.lenient) await ctx.warn('enrollments', `s."primary" = 'true' and s.role <> 'teacher'`, [], { ...primaryNotTeacher, message: `${primaryNotTeacher.message}; read as false` });
  else await ctx.reject('enrollments', `s."primary" = 'true' and s.role <> 'teacher'`, [], primaryNotTeacher);
}

const SCHOOL = { value: 'school', code: 'oneroster.semantic.school_type', message: 'schoolSourcedId must name an org of type school' };

async function checkRecords(ctx: ImportContext, file: RosterFile, table: string | null): Promise<void> {
  await rejectDuplicates(ctx, file);
  if (table) await skipStaleDeltas(ctx, file, table);
}

/**
 * Orgs and sessions point at parents of their own kind. A rejected parent can orphan its
 * children, so strict mode repeats the check until nothing more falls out.
 */
async function checkHierarchy(ctx: ImportContext, file: RosterFile, table: string, what: string): Promise<Known> {
  await checkRecords(ctx, file, table);
  let known = await buildKnown(ctx, file, table, true);
  for (let round = 0; round < 100; round++) {
    const rejected = await requireReference(ctx, file, { column: 'parent_sourced_id', header: 'parentSourcedId', known, target: file, what, optional: true });
    if (rejected === 0) break;
    known = await buildKnown(ctx, file, table, true);
  }
  await rejectParentCycles(ctx, file, table);
  return buildKnown(ctx, file, table, true);
}
