import type { ApplyContext } from './apply-context';

/**
 * Resolves every person key of the file (`ims_person_keys`) to a user, set-based. This is the
 * one place IMS decides who a person is, so that it can hand over to the identity module
 * when that lands; until then, in this order:
 *
 * 1. A link made by an earlier import (`ims_person_link`): the person stays who they were.
 * 2. A user of the import system itself with this sourcedId (`roster_user.system` = system).
 * 3. `user_identifier` rows of live users from other sources, compared as that table
 *    normalises them: first `sourcedId` = the person's id; only if none, `username` = the
 *    `<userid>` and `email` = the `<email>` (both lower-cased). A tier that yields exactly one
 *    user matches; more than one marks the person ambiguous (never guessed).
 *    Users owned by the import system, or already linked to another person of it, are not
 *    candidates: within one SIS, another sourcedid is another person (a shared family email
 *    must not merge two pupils).
 *
 * New matches are written as links (`matched_by` says how) and counted as `linked`.
 */
export async function matchImsPersons(ctx: ApplyContext): Promise<void> {
  await ctx.query(
    `update ims_person_keys k set user_id = l.user_id, via = 'link' from ims_person_link l where l.system = $1 and l.sourced_id = k.key`,
    [ctx.system],
  );
  // The next steps look only at keys the links left unresolved (`user_id is null`): without
  // fresh statistics the planner takes them for all keys and, on a re-import where none are
  // left, probes the key table once per row of the system instead of finding nothing to join.
  await ctx.query(`analyze ims_person_keys`);
  await ctx.query(
    `update ims_person_keys k set user_id = u.id, via = 'system' from roster_user u
      where k.user_id is null and u.system = $1 and u.sourced_id = k.key`,
    [ctx.system],
  );
  await ctx.query(
    `with candidates as (
       select k.key, i.user_id, 1 as tier, 'sourcedId' as via from ims_person_keys k
         join user_identifier i on i.kind = 'sourcedId' and i.normalized = k.key and i.deleted_at is null
        where k.user_id is null
       union all
       select k.key, i.user_id, 2, 'username' from ims_person_keys k
         join user_identifier i on i.kind = 'username' and i.normalized = lower(btrim(k.userid)) and i.deleted_at is null
        where k.user_id is null and k.userid is not null
       union all
       select k.key, i.user_id, 2, 'email' from ims_person_keys k
         join user_identifier i on i.kind = 'email' and i.normalized = lower(btrim(k.email)) and i.deleted_at is null
        where k.user_id is null and k.email is not null
     ), eligible as (
       select c.* from candidates c join roster_user u on u.id = c.user_id
        where u.deleted_at is null and u.system <> $1
          and not exists (select 1 from ims_person_link l where l.system = $1 and l.user_id = c.user_id and l.sourced_id <> c.key)
     ), best as (
       select key, min(tier) as tier from eligible group by key
     ), picked as (
       select e.key, count(distinct e.user_id)::int as n, min(e.user_id) as user_id, min(e.via) as via
         from eligible e join best b on b.key = e.key and b.tier = e.tier group by e.key
     )
     update ims_person_keys k set user_id = case when p.n = 1 then p.user_id end, via = case when p.n = 1 then p.via end, ambiguous = p.n > 1
       from picked p where p.key = k.key`,
    [ctx.system],
  );
  const linked = await ctx.number(
    `with made as (
       insert into ims_person_link (system, sourced_id, user_id, matched_by)
       select $1, key, user_id, via from ims_person_keys where user_id is not null and via <> 'link'
       on conflict (system, sourced_id) do nothing returning 1
     ) select count(*)::int as n from made`,
    [ctx.system],
  );
  ctx.count('persons', 'linked', linked);
  await ctx.query(
    `update ims_person_keys k set owned = (u.system = $1), deleted = u.deleted_at is not null from roster_user u where u.id = k.user_id`,
    [ctx.system],
  );
}
