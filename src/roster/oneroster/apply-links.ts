import { refreshStatistics } from './apply-records';
import { hideLinksOfDeletedUsers, reviveLinksOfReturningAgents } from './deleted-user-links';
import { withIndexesRebuilt } from './first-load';
import type { ImportContext } from './import-context';
import type { RosterFile } from './versions';

interface LinkSpec {
  /** The file whose rows own the links (`classes` owns class terms). */
  readonly owner: RosterFile;
  readonly ownerTable: string;
  readonly linkTable: string;
  /** The link table's column holding the owner's id. */
  readonly ownerColumn: string;
  /** The link columns besides `system` (owner column first), as `want` selects them. */
  readonly columns: readonly string[];
  /** The unique key links are matched on (`on conflict (...)`). */
  readonly key: readonly string[];
  /** Columns to keep up to date on an existing link. */
  readonly refresh?: readonly string[];
  /** SELECT producing the wanted links of the staged owners, over staging alias `s`. */
  readonly want: string;
  /**
   * `want` also yields a boolean `hidden`: the link is listed but one of its users is deleted.
   * Such a link is stored deleted with `deleted_with_user` set, so that it comes back with the
   * user (deleted-user-links.ts); the link table has that column.
   */
  readonly hidden?: boolean;
}

/**
 * Lists inside a record (a class's terms, a user's identifiers and agents) become link rows.
 * The owner's links are replaced: new ones inserted, dropped ones soft-deleted, returning ones
 * revived. An owner whose only change is its links counts as updated.
 */
async function replaceLinks(ctx: ImportContext, spec: LinkSpec): Promise<void> {
  const plan = ctx.plan(spec.owner);
  if (!plan) return;
  if (ctx.firstLoads.has(spec.owner)) return insertLinks(ctx, spec);
  const want = `want_${spec.linkTable}`;
  await ctx.query(`drop table if exists ${want}`);
  await ctx.query(`create temp table ${want} on commit drop as ${spec.want}`, [ctx.system]);
  const owners = `select o.id from ${plan.staging.table} s join ${spec.ownerTable} o on o.system = $1 and o.sourced_id = s.sourced_id
                   where s.status is distinct from 'tobedeleted'`;
  const keyMatch = spec.key.map((k) => `w.${k} = l.${k}`).join(' and ');
  const refresh = (spec.refresh ?? []).map((c) => `${c} = excluded.${c}`);
  const changedRefresh = (spec.refresh ?? []).map((c) => `l.${c} is distinct from excluded.${c}`);
  const upsert = spec.hidden
    ? `insert into ${spec.linkTable} as l (system, ${spec.columns.join(', ')}, deleted_at, deleted_with_user)
       select $1, ${spec.columns.join(', ')}, case when hidden then now() end, hidden from ${want}
       on conflict (${spec.key.join(', ')}) do update set deleted_at = case when excluded.deleted_with_user then coalesce(l.deleted_at, now()) end,
         deleted_with_user = excluded.deleted_with_user, updated_at = now()${refresh.map((r) => `, ${r}`).join('')}
       where ${['(l.deleted_at is null, l.deleted_with_user) is distinct from (not excluded.deleted_with_user, excluded.deleted_with_user)', ...changedRefresh].join(' or ')}`
    : `insert into ${spec.linkTable} as l (system, ${spec.columns.join(', ')})
       select $1, ${spec.columns.join(', ')} from ${want}
       on conflict (${spec.key.join(', ')}) do update set deleted_at = null, updated_at = now()${refresh.map((r) => `, ${r}`).join('')}
       where ${['l.deleted_at is not null', ...changedRefresh].join(' or ')}`;
  const unlisted = `l.${spec.ownerColumn} in (${owners}) and not exists (select 1 from ${want} w where ${keyMatch})`;
  // A hidden link its owner stopped listing must not come back with its user; nothing visible changes.
  const forgotten = spec.hidden
    ? `, forgotten as (update ${spec.linkTable} l set deleted_with_user = false, updated_at = now() where l.deleted_with_user and ${unlisted})`
    : '';
  const [result] = await ctx.query<{ added: number; owners: string[] }>(
    `with added as (
       ${upsert}
       returning ${spec.ownerColumn} as owner
     ), dropped as (
       update ${spec.linkTable} l set deleted_at = now(), updated_at = now()
        where l.deleted_at is null and ${unlisted}
       returning l.${spec.ownerColumn} as owner
     )${forgotten}
     select (select count(*) from added)::int as added,
            array(select distinct owner from (select owner from added union all select owner from dropped) c
                   where not exists (select 1 from touched_${spec.ownerTable} t where t.id = c.owner)) as owners`,
    [ctx.system],
  );
  await refreshStatistics(ctx, spec.linkTable, result?.added ?? 0);
  const changed = result?.owners ?? [];
  const count = ctx.count(spec.owner);
  count.updated += changed.length;
  count.unchanged -= changed.length;
  if (changed.length > 0) {
    await ctx.query(`insert into touched_${spec.ownerTable} select unnest($1::bigint[]), false on conflict do nothing`, [changed]);
  }
}

/**
 * Owners that are all new (their file was a first load) have no links to replace and none
 * to count as changed: their links are inserted as they are.
 */
async function insertLinks(ctx: ImportContext, spec: LinkSpec): Promise<void> {
  const hidden = spec.hidden ? ['deleted_at', 'deleted_with_user'] : [];
  const hiddenValues = spec.hidden ? ['case when w.hidden then now() end', 'w.hidden'] : [];
  const [result] = await withIndexesRebuilt(ctx, spec.linkTable, () =>
    ctx.query<{ added: number }>(
      `with added as (insert into ${spec.linkTable} (system, ${[...spec.columns, ...hidden].join(', ')})
                      select $1, ${[...spec.columns, ...hiddenValues].join(', ')} from (${spec.want}) w returning 1)
       select count(*)::int as added from added`,
      [ctx.system],
    ),
  );
  ctx.firstLoads.add(spec.linkTable);
  await refreshStatistics(ctx, spec.linkTable, result?.added ?? 0);
}

/** Class terms, user identifiers and agents, and the role rows a 1.1 users.csv implies. */
export async function applyLinks(ctx: ImportContext): Promise<void> {
  const classes = ctx.plan('classes');
  if (classes) {
    await replaceLinks(ctx, {
      owner: 'classes',
      ownerTable: 'class',
      linkTable: 'class_term',
      ownerColumn: 'class_id',
      columns: ['class_id', 'session_id'],
      key: ['class_id', 'session_id'],
      want: `select distinct c.id as class_id, t.id as session_id from ${classes.staging.table} s
               join class c on c.system = $1 and c.sourced_id = s.sourced_id
               cross join lateral unnest(s.term_sourced_ids::text[]) as item(id)
               join academic_session t on t.system = $1 and t.sourced_id = item.id
              where s.status is distinct from 'tobedeleted'`,
    });
  }

  const users = ctx.plan('users');
  if (!users) return;
  const stage = users.staging.table;
  // First, so that the replacements below see the links of users deleted just now as deleted.
  await hideLinksOfDeletedUsers(ctx);
  await replaceLinks(ctx, {
    owner: 'users',
    ownerTable: 'roster_user',
    linkTable: 'user_identifier',
    ownerColumn: 'user_id',
    columns: ['user_id', 'kind', 'namespace', 'value', 'normalized'],
    key: ['user_id', 'kind', 'namespace', 'value'],
    refresh: ['normalized'],
    // Emails and usernames compare case-insensitively when matching people; the rest exactly.
    // Staged users are unique by sourcedId, so only a userIds list can name one key twice.
    want: `select u.id as user_id, v.kind, v.namespace, v.value, v.normalized from ${stage} s
               join roster_user u on u.system = $1 and u.sourced_id = s.sourced_id
               cross join lateral (values ('sourcedId', '', s.sourced_id, s.sourced_id), ('username', '', s.username, lower(trim(s.username))),
                                          ('identifier', '', s.identifier, trim(s.identifier)), ('email', '', s.email, lower(trim(s.email))))
                 as v(kind, namespace, value, normalized)
              where s.status is distinct from 'tobedeleted' and v.value is not null
           union all
           select distinct u.id, 'userId', i.type, i.id, trim(i.id) from ${stage} s
               join roster_user u on u.system = $1 and u.sourced_id = s.sourced_id
               cross join lateral jsonb_to_recordset(case when s.user_ids like '[%' then s.user_ids::jsonb else '[]'::jsonb end) as i(type text, id text)
              where s.status is distinct from 'tobedeleted'`,
  });
  await replaceLinks(ctx, {
    owner: 'users',
    ownerTable: 'roster_user',
    linkTable: 'agent',
    ownerColumn: 'user_id',
    columns: ['user_id', 'agent_user_id'],
    key: ['user_id', 'agent_user_id'],
    hidden: true,
    // An agent the source deleted stays listed, hidden: it comes back when they do.
    want: `select distinct u.id as user_id, a.id as agent_user_id, a.deleted_at is not null as hidden from ${stage} s
             join roster_user u on u.system = $1 and u.sourced_id = s.sourced_id
             cross join lateral unnest(s.agent_sourced_ids::text[]) as item(id)
             join roster_user a on a.system = $1 and a.sourced_id = item.id
            where s.status is distinct from 'tobedeleted'`,
  });
  // A first load of users has nobody returning (no user of the system existed).
  if (!ctx.firstLoads.has('users')) await reviveLinksOfReturningAgents(ctx);
  if (users.columns.some((c) => c.name === 'orgSourcedIds')) await applyDerivedRoles(ctx, stage);
}

/**
 * OneRoster 1.1 puts a user's role and orgs on the user; 1.2 has roles.csv. One model: each
 * listed org becomes a primary role row without a sourcedId, replaced with its user.
 */
async function applyDerivedRoles(ctx: ImportContext, stage: string): Promise<void> {
  const count = ctx.count('roles');
  const want = `select distinct u.id as user_id, o.id as org_id, s.role from ${stage} s
                  join roster_user u on u.system = $1 and u.sourced_id = s.sourced_id
                  cross join lateral unnest(s.org_sourced_ids::text[]) as item(id)
                  join org o on o.system = $1 and o.sourced_id = item.id
                 where s.status is distinct from 'tobedeleted'`;
  const [result] = await ctx.query<{ added: number; updated: number; deleted: number; wanted: number }>(
    `with want as (${want}),
     up as (
       insert into role as r (system, sourced_id, status, user_id, org_id, role_type, role, updated_at)
       select $1, null, 'active', user_id, org_id, 'primary', role, now() from want
       on conflict (system, user_id, org_id, role) where sourced_id is null
       do update set status = 'active', deleted_at = null, role_type = 'primary', updated_at = now()
       where r.deleted_at is not null or r.role_type <> 'primary'
       returning (xmax = 0) as inserted
     ), gone as (
       update role r set status = 'tobedeleted', deleted_at = now(), updated_at = now()
        where r.system = $1 and r.sourced_id is null and r.deleted_at is null
          and (r.user_id in (select u.id from ${stage} s join roster_user u on u.system = $1 and u.sourced_id = s.sourced_id)
               or r.user_id in (select id from roster_user where system = $1 and deleted_at is not null))
          and not exists (select 1 from want w where w.user_id = r.user_id and w.org_id = r.org_id and w.role = r.role)
       returning r.id
     )
     select (select count(*) from up where inserted)::int as added, (select count(*) from up where not inserted)::int as updated,
            (select count(*) from gone)::int as deleted, (select count(*) from want)::int as wanted`,
    [ctx.system],
  );
  if (!result) return;
  count.added += result.added;
  count.updated += result.updated;
  count.deleted += result.deleted;
  count.unchanged += result.wanted - result.added - result.updated;
}
