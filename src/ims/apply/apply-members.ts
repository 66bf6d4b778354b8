import type { ApplyContext } from './apply-context';
import { rounds } from './working-tables';

/**
 * Applies every `<member>` role, as Moodle's `process_membership_tag` does, once people and
 * courses are in place. Each role is decided in Moodle's order: unknown course, unknown
 * person, role not mapped, then enrol (status 1) or unenrol (status 0 or recstatus 3).
 *
 * Enrolling upserts the enrollment (keyed by course code, person and role type) with the
 * role's restricted dates, lifts a suspension, and puts the user in the `<cohort>` group of
 * the class. Unenrolling acts, with `unenrol` on, on all of the user's IMS enrollments in the
 * class, as Moodle acts on its enrolment instance: UNENROL ends them and removes IMS group
 * memberships; SUSPEND marks them `metadata.suspended`; SUSPEND_REMOVE_ROLES does both of
 * those to the roles (our enrollments are the roles); KEEP changes nothing. Enrollments of
 * other sources in the same class are never touched.
 *
 * Roles are applied in rounds of occurrence per (class, user), so one file may enrol and
 * later unenrol the same person and end as its last element says.
 */
export async function applyMembers(ctx: ApplyContext): Promise<void> {
  const o = ctx.options;
  await ctx.query(
    `create temp table ims_members on commit drop as
     select m.*, (row_number() over (partition by m.class_id, m.user_id order by m.ord))::int as occ from (
       select s.ord::int as ord, s.line, s.path, s.membership_ord::int as membership_ord, s.group_key, s.key as person_key, s.enrollment_key,
              s.roletype, s.role, s.active = 't' as active, s.begin_date::date as begin_date, s.end_date::date as end_date, s.cohort,
              gk.class_id, pk.user_id,
              case
                when gk.class_id is null then 'ims.membership.group_unknown'
                when pk.ambiguous then 'ims.member.person_ambiguous'
                when pk.user_id is null then 'ims.member.person_unknown'
                when pk.deleted then 'ims.member.person_deleted'
                when s.role is null then 'ims.role.unmapped'
                when s.active <> 't' and not $1::boolean then 'ims.member.unenrol_ignored'
                when s.active <> 't' and $2 = 'KEEP' then 'ims.member.unenrol_kept'
              end as reason
         from stage_ims s
         left join ims_group_keys gk on gk.key = s.group_key
         left join ims_person_keys pk on pk.key = s.key
        where s.kind = 'member'
     ) m`,
    [o.unenrol, o.unenrolAction],
  );
  await ctx.query(`create index on ims_members (occ) where reason is null`);
  await ctx.query(`analyze ims_members`);
  const total = await rounds(ctx, 'ims_members', 'reason is null');
  for (let round = 1; round <= total; round++) {
    await enrol(ctx, round);
    await addToCohorts(ctx, round);
    await unenrol(ctx, round);
  }
}

async function enrol(ctx: ApplyContext, round: number): Promise<void> {
  const rows = await ctx.query<{ created: number; updated: number; unchanged: number }>(
    `with src as (
       select m.enrollment_key, m.class_id, c.school_id, m.user_id, m.role, m.begin_date, m.end_date, jsonb_build_object('imsRoleType', m.roletype) as metadata
         from ims_members m join class c on c.id = m.class_id
        where m.occ = $2 and m.reason is null and m.active
     ), up as (
       insert into enrollment as t (system, sourced_id, status, deleted_at, metadata, updated_at, class_id, school_id, user_id, role, is_primary, begin_date, end_date)
       select $1, enrollment_key, 'active', null, metadata, now(), class_id, school_id, user_id, role, false, begin_date, end_date from src
       on conflict (system, sourced_id) do update set status = 'active', deleted_at = null, metadata = excluded.metadata, updated_at = now(),
         class_id = excluded.class_id, school_id = excluded.school_id, user_id = excluded.user_id, role = excluded.role,
         begin_date = excluded.begin_date, end_date = excluded.end_date
       where (t.status, t.deleted_at, t.metadata, t.class_id, t.school_id, t.user_id, t.role, t.begin_date, t.end_date)
             is distinct from ('active', null::timestamptz, excluded.metadata, excluded.class_id, excluded.school_id, excluded.user_id, excluded.role,
                               excluded.begin_date, excluded.end_date)
       returning (xmax = 0) as inserted
     )
     select (count(*) filter (where inserted))::int as created, (count(*) filter (where not inserted))::int as updated,
            ((select count(*) from src) - count(*))::int as unchanged
       from up`,
    [ctx.system, round],
  );
  const r = rows[0];
  ctx.count('memberships', 'added', r?.created ?? 0);
  ctx.count('memberships', 'updated', r?.updated ?? 0);
  ctx.count('memberships', 'unchanged', r?.unchanged ?? 0);
}

/** `<extension><cohort>`: the class group of that name (made if missing), with the user in it. */
async function addToCohorts(ctx: ApplyContext, round: number): Promise<void> {
  const groups = await ctx.number(
    `with made as (
       insert into class_group as g (system, class_id, name, updated_at)
       select distinct $1, class_id, cohort, now() from ims_members where occ = $2 and reason is null and active and cohort is not null
       on conflict (class_id, name) do update set deleted_at = null, updated_at = now() where g.deleted_at is not null
       returning 1
     ) select count(*)::int as n from made`,
    [ctx.system, round],
  );
  ctx.count('classGroups', 'added', groups);
  const members = await ctx.number(
    `with added as (
       insert into class_group_member as gm (system, group_id, user_id, updated_at)
       select distinct $1, g.id, m.user_id, now() from ims_members m join class_group g on g.class_id = m.class_id and g.name = m.cohort
        where m.occ = $2 and m.reason is null and m.active and m.cohort is not null
       on conflict (group_id, user_id) do update set deleted_at = null, updated_at = now() where gm.deleted_at is not null
       returning 1
     ) select count(*)::int as n from added`,
    [ctx.system, round],
  );
  ctx.count('classGroupMembers', 'added', members);
}

async function unenrol(ctx: ApplyContext, round: number): Promise<void> {
  const action = ctx.options.unenrolAction;
  const targets = `select distinct class_id, user_id from ims_members where occ = $2 and reason is null and not active`;
  const set =
    action === 'UNENROL'
      ? `status = 'tobedeleted', deleted_at = now()`
      : action === 'SUSPEND'
        ? `metadata = e.metadata || '{"suspended": true}'::jsonb`
        : `status = 'tobedeleted', deleted_at = now(), metadata = e.metadata || '{"suspended": true}'::jsonb`;
  const changedWhen = action === 'SUSPEND' ? `e.deleted_at is null and not coalesce((e.metadata ->> 'suspended')::boolean, false)` : `e.deleted_at is null`;
  const rows = await ctx.query<{ asked: number; changed: number }>(
    `with targets as (${targets}), changed as (
       update enrollment e set ${set}, updated_at = now() from targets t
        where e.system = $1 and e.class_id = t.class_id and e.user_id = t.user_id and ${changedWhen}
       returning e.class_id, e.user_id
     ) select (select count(*) from targets)::int as asked, (select count(*) from (select distinct class_id, user_id from changed) d)::int as changed`,
    [ctx.system, round],
  );
  const asked = rows[0]?.asked ?? 0;
  if (asked === 0) return;
  const changed = rows[0]?.changed ?? 0;
  ctx.count('memberships', action === 'SUSPEND' ? 'updated' : 'deleted', changed);
  ctx.count('memberships', 'unchanged', asked - changed);
  if (action === 'UNENROL') {
    const removed = await ctx.number(
      `with targets as (${targets}), removed as (
         update class_group_member gm set deleted_at = now(), updated_at = now()
           from class_group g, targets t
          where gm.group_id = g.id and g.class_id = t.class_id and gm.user_id = t.user_id and gm.system = $1 and gm.deleted_at is null
         returning 1
       ) select count(*)::int as n from removed`,
      [ctx.system, round],
    );
    ctx.count('classGroupMembers', 'deleted', removed);
  }
}
