import { hideLinksOfUsers, reviveAgentLinksOfUsers } from '../../roster/user/deleted-user-links';
import type { ApplyContext } from './apply-context';

/**
 * The identifiers of users the system owns and this file's `<person>` elements named:
 * sourcedId, username and email, as `user_identifier` stores them, so that other sources (an
 * LMS feed) can match these people. Identifiers a user no longer has are soft-deleted; only
 * the system's own rows.
 *
 * A deleted user (deleted by this file, or before it and named again: an update or a second
 * delete leaves them deleted) keeps no live identifier or agent link, as OneRoster's deletes
 * do, so that neither identity matching nor the graph finds them through one. A user live
 * again (an add revived them) gets their identifiers written anew and the agent links hidden
 * with them back. Run once after every round, on where each user ends.
 *
 * Users of other sources are left alone: a person linked to them is not deleted by this
 * system (`ims.person.not_owned`), and their identifiers are their own importer's.
 */
export async function syncPersonLinks(ctx: ApplyContext): Promise<void> {
  await ctx.query(
    `create temp table ims_owned_users on commit drop as
     select distinct k.user_id, u.deleted_at is null as live from ims_person_keys k join roster_user u on u.id = k.user_id
      where k.owned and exists (select 1 from ims_persons p where p.key = k.key)`,
  );
  await ctx.query(`analyze ims_owned_users`);
  await hideLinksOfUsers(ctx, 'select user_id from ims_owned_users where not live');
  await ctx.query(
    `create temp table ims_wanted_identifiers on commit drop as
     select u.id as user_id, x.kind, x.value, x.normalized from roster_user u join ims_owned_users o on o.user_id = u.id and o.live
     cross join lateral (values ('sourcedId', u.sourced_id, btrim(u.sourced_id)), ('username', nullif(u.username, ''), lower(btrim(u.username))),
                                ('email', u.email, lower(btrim(u.email)))) as x(kind, value, normalized)
      where x.value is not null`,
  );
  await ctx.query(
    `insert into user_identifier (system, user_id, kind, namespace, value, normalized)
     select $1, user_id, kind, '', value, normalized from ims_wanted_identifiers
     on conflict (user_id, kind, namespace, value) do update set deleted_at = null, updated_at = now(), normalized = excluded.normalized
      where user_identifier.deleted_at is not null or user_identifier.normalized is distinct from excluded.normalized`,
    [ctx.system],
  );
  await ctx.query(
    `update user_identifier i set deleted_at = now(), updated_at = now()
      where i.system = $1 and i.deleted_at is null and i.user_id in (select user_id from ims_owned_users where live)
        and not exists (select 1 from ims_wanted_identifiers w where w.user_id = i.user_id and w.kind = i.kind and w.value = i.value)`,
    [ctx.system],
  );
  await reviveAgentLinksOfUsers(ctx, 'select user_id from ims_owned_users where live');
}
