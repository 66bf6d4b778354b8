import type { ApplyContext } from './apply-context';

/**
 * Resolves every course code of the file (`ims_group_keys`) to a class: an earlier link, a
 * class of the import system with that sourcedId, or else the one live class of another
 * source (OneRoster, say) whose sourcedId is the course code, as Moodle finds courses by
 * idnumber. Two such classes make the code ambiguous. Classes already linked to another
 * course code of the system are not candidates. New matches are written as links.
 */
export async function matchImsGroups(ctx: ApplyContext): Promise<void> {
  await ctx.query(
    `update ims_group_keys k set class_id = l.class_id, via = 'link' from ims_group_link l where l.system = $1 and l.sourced_id = k.key`,
    [ctx.system],
  );
  // The next steps look only at keys the links left unresolved (`class_id is null`): without
  // fresh statistics the planner takes them for all keys and, on a re-import where none are
  // left, probes the key table once per row of the system instead of finding nothing to join.
  await ctx.query(`analyze ims_group_keys`);
  await ctx.query(
    `update ims_group_keys k set class_id = c.id, via = 'system' from class c where k.class_id is null and c.system = $1 and c.sourced_id = k.key`,
    [ctx.system],
  );
  await ctx.query(
    `with candidates as (
       select k.key, c.id from ims_group_keys k join class c on c.sourced_id = k.key
        where k.class_id is null and c.deleted_at is null and c.system <> $1
          and not exists (select 1 from ims_group_link l where l.system = $1 and l.class_id = c.id and l.sourced_id <> k.key)
     ), picked as (select key, count(*)::int as n, min(id) as id from candidates group by key)
     update ims_group_keys k set class_id = case when p.n = 1 then p.id end, via = case when p.n = 1 then 'sourcedId' end, ambiguous = p.n > 1
       from picked p where p.key = k.key`,
    [ctx.system],
  );
  const linked = await ctx.number(
    `with made as (
       insert into ims_group_link (system, sourced_id, class_id, matched_by)
       select $1, key, class_id, via from ims_group_keys where class_id is not null and via <> 'link'
       on conflict (system, sourced_id) do nothing returning 1
     ) select count(*)::int as n from made`,
    [ctx.system],
  );
  ctx.count('groups', 'linked', linked);
  await ctx.query(
    `update ims_group_keys k set owned = (c.system = $1), deleted = c.deleted_at is not null from class c where c.id = k.class_id`,
    [ctx.system],
  );
}
