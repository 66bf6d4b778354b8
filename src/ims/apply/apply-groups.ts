import type { ApplyContext } from './apply-context';
import { schoolFor } from './default-school';
import { rounds } from './working-tables';

const COURSE_METADATA = `jsonb_strip_nulls(jsonb_build_object('imsSource', g.source, 'orgUnits', case when jsonb_array_length(g.org_units) > 0 then g.org_units end, 'summary', g.summary))`;
const CLASS_METADATA = `jsonb_strip_nulls(jsonb_build_object('imsSource', g.source, 'timeframe',
  case when coalesce(g.tf_begin, g.tf_end, g.adminperiod) is not null then jsonb_build_object('begin', g.tf_begin, 'end', g.tf_end, 'adminPeriod', g.adminperiod) end))`;

/**
 * Applies the file's `<group>` elements as Moodle's `process_group_tag` does. A group is a
 * course and its one class (the roster enrols into classes); both are keyed by the course code.
 *
 * - Unknown course code: with createMissingCourses, a course and class are created, whatever
 *   the recstatus, as Moodle does (a delete for a course that never existed is noted).
 * - recstatus 2: with updateCourses, the mapped title and code are written to the system's
 *   own course and class (Moodle writes `<short>`/`<full>` whatever its mapping; we keep to
 *   the mapping, so creation and update agree).
 * - recstatus 3: the system's own course and class are soft-deleted: hidden from lists, their
 *   enrollments kept, as Moodle hides the course.
 * - 0 or 1 on a known course: nothing, except that a deleted course of the system comes back.
 *
 * Classes of other sources are enrolled into but never renamed or hidden.
 */
export async function applyGroups(ctx: ApplyContext): Promise<void> {
  const o = ctx.options;
  const total = await rounds(ctx, 'ims_groups');
  for (let round = 1; round <= total; round++) {
    await ctx.query(
      `update ims_groups g set reason = case
         when k.ambiguous then 'ims.group.ambiguous'
         when k.class_id is null then case when not $2::boolean then 'ims.group.not_created' end
         when g.recstatus = 2 then case when not $3::boolean then 'ims.group.update_ignored' when not k.owned then 'ims.group.not_owned' end
         when g.recstatus = 3 then case when not k.owned then 'ims.group.not_owned' end
       end
       from ims_group_keys k where k.key = g.key and g.occ = $1`,
      [round, o.createMissingCourses, o.updateCourses],
    );
    const toCreate = await ctx.number(
      `select count(*)::int as n from ims_groups g join ims_group_keys k on k.key = g.key where g.occ = $1 and g.reason is null and k.class_id is null`,
      [round],
    );
    if (toCreate > 0) await createCourses(ctx, round, await schoolFor(ctx));
    await updateCourses(ctx, round);
    await hideCourses(ctx, round);
    await reviveCourses(ctx, round);
    await ctx.query(`update ims_groups set outcome = 'unchanged' where occ = $1 and reason is null and outcome is null`, [round]);
  }
}

async function createCourses(ctx: ApplyContext, round: number, schoolId: string): Promise<void> {
  await ctx.query(
    `with src as (
       select g.* from ims_groups g join ims_group_keys k on k.key = g.key where g.occ = $2 and g.reason is null and k.class_id is null
     ), courses as (
       insert into course as c (system, sourced_id, status, title, course_code, org_id, metadata, updated_at)
       select $1, g.key, 'active', g.title, g.code, $3, ${COURSE_METADATA}, now() from src g
       on conflict (system, sourced_id) do update set status = 'active', deleted_at = null, title = excluded.title, course_code = excluded.course_code,
         org_id = excluded.org_id, metadata = excluded.metadata, updated_at = now()
       returning c.id, c.sourced_id
     ), classes as (
       insert into class as c (system, sourced_id, status, title, class_code, class_type, course_id, school_id, metadata, updated_at)
       select $1, g.key, 'active', g.title, g.code, 'scheduled', co.id, $3, ${CLASS_METADATA}, now() from src g join courses co on co.sourced_id = g.key
       on conflict (system, sourced_id) do update set status = 'active', deleted_at = null, title = excluded.title, class_code = excluded.class_code,
         course_id = excluded.course_id, school_id = excluded.school_id, metadata = excluded.metadata, updated_at = now()
       returning c.id, c.sourced_id
     ), keys as (
       update ims_group_keys k set class_id = cl.id, owned = true, deleted = false, via = 'created' from classes cl where k.key = cl.sourced_id returning 1
     ), outcomes as (
       update ims_groups g set outcome = 'created', created_on_delete = (g.recstatus = 3) from classes cl where g.key = cl.sourced_id and g.occ = $2 returning 1
     )
     insert into ims_group_link (system, sourced_id, class_id, matched_by)
     select $1, sourced_id, id, 'created' from classes
     on conflict (system, sourced_id) do update set class_id = excluded.class_id, matched_by = 'created', updated_at = now()`,
    [ctx.system, round, schoolId],
  );
}

/** The mapped names, but where the file lacks the mapped field the stored name stays. */
async function updateCourses(ctx: ApplyContext, round: number): Promise<void> {
  await ctx.query(
    `with src as (
       select g.*, k.class_id from ims_groups g join ims_group_keys k on k.key = g.key
        where g.occ = $2 and g.recstatus = 2 and g.reason is null and g.outcome is null
     ), classes as (
       update class c set title = case when g.title_fallback then c.title else g.title end,
              class_code = case when g.code_fallback then c.class_code else g.code end, updated_at = now()
         from src g
        where c.id = g.class_id and c.system = $1
          and (c.title, c.class_code) is distinct from (case when g.title_fallback then c.title else g.title end, case when g.code_fallback then c.class_code else g.code end)
       returning c.id, c.course_id
     ), courses as (
       update course co set title = case when g.title_fallback then co.title else g.title end,
              course_code = case when g.code_fallback then co.course_code else g.code end,
              metadata = ${COURSE_METADATA}, updated_at = now()
         from src g join class c on c.id = g.class_id
        where co.id = c.course_id and co.system = $1
          and (co.title, co.course_code, co.metadata) is distinct from
              (case when g.title_fallback then co.title else g.title end, case when g.code_fallback then co.course_code else g.code end, ${COURSE_METADATA})
       returning c.id
     )
     update ims_groups g set outcome = 'updated' from src s
      where g.key = s.key and g.occ = $2 and (s.class_id in (select id from classes) or s.class_id in (select id from courses))`,
    [ctx.system, round],
  );
}

async function hideCourses(ctx: ApplyContext, round: number): Promise<void> {
  await ctx.query(
    `with src as (
       select g.key, k.class_id from ims_groups g join ims_group_keys k on k.key = g.key
        where g.occ = $2 and g.recstatus = 3 and g.reason is null and g.outcome is null
     ), classes as (
       update class c set status = 'tobedeleted', deleted_at = now(), updated_at = now() from src s
        where c.id = s.class_id and c.system = $1 and c.deleted_at is null returning c.id, c.course_id
     ), courses as (
       update course co set status = 'tobedeleted', deleted_at = now(), updated_at = now() from classes c
        where co.id = c.course_id and co.system = $1 and co.deleted_at is null returning co.id
     ), keys as (update ims_group_keys k set deleted = true from classes c where k.class_id = c.id returning 1)
     update ims_groups g set outcome = 'deleted' from src s join classes c on c.id = s.class_id where g.key = s.key and g.occ = $2`,
    [ctx.system, round],
  );
}

/** An add for a deleted course of the system: it comes back (Moodle leaves a hidden course hidden; our records follow their source). */
async function reviveCourses(ctx: ApplyContext, round: number): Promise<void> {
  await ctx.query(
    `with src as (
       select g.key, k.class_id from ims_groups g join ims_group_keys k on k.key = g.key
        where g.occ = $2 and g.recstatus in (0, 1) and g.reason is null and g.outcome is null and k.owned and k.deleted
     ), classes as (
       update class c set status = 'active', deleted_at = null, updated_at = now() from src s
        where c.id = s.class_id and c.system = $1 returning c.id, c.course_id
     ), courses as (
       update course co set status = 'active', deleted_at = null, updated_at = now() from classes c
        where co.id = c.course_id and co.system = $1 and co.deleted_at is not null returning co.id
     ), keys as (update ims_group_keys k set deleted = false from classes c where k.class_id = c.id returning 1)
     update ims_groups g set outcome = 'updated' from src s join classes c on c.id = s.class_id where g.key = s.key and g.occ = $2`,
    [ctx.system, round],
  );
}
