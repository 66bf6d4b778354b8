import type { ApplyContext } from './apply-context';
import { syncPersonLinks } from './person-links';
import { rounds } from './working-tables';

/** Metadata kept for fields the roster model has no column for (Moodle's url, city, country, auth). */
const PERSON_METADATA = `jsonb_strip_nulls(jsonb_build_object('imsSource', p.source, 'fullName', nullif(p.fn, ''), 'url', nullif(p.url, ''),
  'city', nullif(p.locality, ''), 'country', nullif(p.country, ''), 'auth', nullif(p.auth, '')))`;

/**
 * Applies the file's `<person>` elements, as Moodle's `process_person_tag` does, in rounds of
 * occurrence (see createWorkingTables):
 *
 * - recstatus 3: with deleteUsers, soft-deletes a user the import system owns (its IMS
 *   enrollments and group memberships end with it, as Moodle's delete_user unenrols; its
 *   identifiers and agent links are hidden, see syncPersonLinks).
 * - recstatus 2: with updateUsers, writes the fields the element has into a user the system
 *   owns; fields it lacks are kept.
 * - 0 or 1: a known user is left as it is (Moodle: "already exists"); an unknown one is
 *   created with createMissingUsers, if it has a username. A deleted user of the system comes
 *   back. Users of other sources are never changed: the person is linked to them.
 *
 * Every element ends with an outcome or a reason (see REASONS).
 */
export async function applyPersons(ctx: ApplyContext): Promise<void> {
  const o = ctx.options;
  const total = await rounds(ctx, 'ims_persons');
  for (let round = 1; round <= total; round++) {
    await ctx.query(
      `update ims_persons p set reason = case
         when k.ambiguous then 'ims.person.ambiguous'
         when p.recstatus = 3 then case
           when not $2::boolean then 'ims.person.delete_ignored'
           when k.user_id is null then 'ims.person.unknown'
           when not k.owned then 'ims.person.not_owned' end
         when p.recstatus = 2 then case
           when not $3::boolean then 'ims.person.update_ignored'
           when k.user_id is null then 'ims.person.unknown'
           when not k.owned then 'ims.person.not_owned'
           when k.deleted then 'ims.person.deleted' end
         else case
           when k.user_id is null and not $4::boolean then 'ims.person.not_created'
           when k.user_id is null and coalesce(p.userid, '') = '' then 'ims.person.username_missing'
           when k.owned and k.deleted and not $4::boolean then 'ims.person.deleted' end
       end
       from ims_person_keys k where k.key = p.key and p.occ = $1`,
      [round, o.deleteUsers, o.updateUsers, o.createMissingUsers],
    );
    await createUsers(ctx, round);
    await reviveUsers(ctx, round);
    await updateUsers(ctx, round);
    await deleteUsers(ctx, round);
    await ctx.query(`update ims_persons set outcome = 'unchanged' where occ = $1 and reason is null and outcome is null`, [round]);
  }
  await syncPersonLinks(ctx);
}

async function createUsers(ctx: ApplyContext, round: number): Promise<void> {
  await ctx.query(
    `with src as (
       select p.* from ims_persons p join ims_person_keys k on k.key = p.key
        where p.occ = $2 and p.recstatus in (0, 1) and p.reason is null and k.user_id is null
     ), made as (
       insert into roster_user as u (system, sourced_id, status, enabled_user, username, given_name, family_name, email, metadata, updated_at)
       select $1, p.key, 'active', true, p.userid, coalesce(p.given, ''), coalesce(p.family, ''), nullif(p.email, ''), ${PERSON_METADATA}, now() from src p
       on conflict (system, sourced_id) do update set status = 'active', deleted_at = null, username = excluded.username, given_name = excluded.given_name,
         family_name = excluded.family_name, email = excluded.email, metadata = excluded.metadata, updated_at = now()
       returning u.id, u.sourced_id
     ), keys as (
       update ims_person_keys k set user_id = m.id, owned = true, deleted = false, via = 'created' from made m where k.key = m.sourced_id returning 1
     ), outcomes as (
       update ims_persons p set outcome = 'created' from made m where p.key = m.sourced_id and p.occ = $2 returning 1
     )
     insert into ims_person_link (system, sourced_id, user_id, matched_by)
     select $1, sourced_id, id, 'created' from made
     on conflict (system, sourced_id) do update set user_id = excluded.user_id, matched_by = 'created', updated_at = now()`,
    [ctx.system, round],
  );
}

/** An add (with createMissingUsers) for a deleted user of the system: it comes back, with the element's fields. */
async function reviveUsers(ctx: ApplyContext, round: number): Promise<void> {
  await ctx.query(
    `with src as (
       select p.*, k.user_id from ims_persons p join ims_person_keys k on k.key = p.key
        where p.occ = $2 and p.recstatus in (0, 1) and p.reason is null and p.outcome is null and k.owned and k.deleted
     ), revived as (
       update roster_user u set status = 'active', deleted_at = null, updated_at = now(),
              username = coalesce(nullif(p.userid, ''), u.username), given_name = coalesce(nullif(p.given, ''), u.given_name),
              family_name = coalesce(nullif(p.family, ''), u.family_name), email = case when p.email is null then u.email else nullif(p.email, '') end,
              metadata = u.metadata || ${PERSON_METADATA}
         from src p where u.id = p.user_id and u.system = $1
       returning u.id
     ), keys as (update ims_person_keys k set deleted = false from revived r where k.user_id = r.id returning 1)
     update ims_persons p set outcome = 'updated' from src s where p.key = s.key and p.occ = $2`,
    [ctx.system, round],
  );
}

async function updateUsers(ctx: ApplyContext, round: number): Promise<void> {
  await ctx.query(
    `with src as (
       select p.*, k.user_id,
              ${PERSON_METADATA} as meta
         from ims_persons p join ims_person_keys k on k.key = p.key
        where p.occ = $2 and p.recstatus = 2 and p.reason is null
     ), changed as (
       update roster_user u set updated_at = now(),
              username = coalesce(nullif(p.userid, ''), u.username), given_name = coalesce(nullif(p.given, ''), u.given_name),
              family_name = coalesce(nullif(p.family, ''), u.family_name), email = case when p.email is null then u.email else nullif(p.email, '') end,
              metadata = u.metadata || p.meta
         from src p
        where u.id = p.user_id and u.system = $1
          and (u.username, u.given_name, u.family_name, u.email, u.metadata) is distinct from
              (coalesce(nullif(p.userid, ''), u.username), coalesce(nullif(p.given, ''), u.given_name), coalesce(nullif(p.family, ''), u.family_name),
               case when p.email is null then u.email else nullif(p.email, '') end, u.metadata || p.meta)
       returning u.id
     )
     update ims_persons p set outcome = 'updated' from src s join changed c on c.id = s.user_id where p.key = s.key and p.occ = $2`,
    [ctx.system, round],
  );
}

async function deleteUsers(ctx: ApplyContext, round: number): Promise<void> {
  const removed = await ctx.query<{ id: string }>(
    `with src as (
       select p.key, k.user_id from ims_persons p join ims_person_keys k on k.key = p.key
        where p.occ = $2 and p.recstatus = 3 and p.reason is null and not k.deleted
     ), removed as (
       update roster_user u set status = 'tobedeleted', deleted_at = now(), updated_at = now() from src s
        where u.id = s.user_id and u.system = $1 and u.deleted_at is null returning u.id
     ), keys as (update ims_person_keys k set deleted = true from removed r where k.user_id = r.id returning 1),
     outcomes as (update ims_persons p set outcome = 'deleted' from src s join removed r on r.id = s.user_id where p.key = s.key and p.occ = $2 returning 1)
     select id from removed`,
    [ctx.system, round],
  );
  if (removed.length === 0) return;
  const ids = removed.map((r) => r.id);
  const ended = await ctx.number(
    `with ended as (
       update enrollment set status = 'tobedeleted', deleted_at = now(), updated_at = now()
        where system = $1 and user_id = any($2::bigint[]) and deleted_at is null returning 1
     ) select count(*)::int as n from ended`,
    [ctx.system, ids],
  );
  ctx.count('persons', 'enrollmentsEnded', ended);
  await ctx.query(
    `update class_group_member set deleted_at = now(), updated_at = now() where system = $1 and user_id = any($2::bigint[]) and deleted_at is null`,
    [ctx.system, ids],
  );
}
