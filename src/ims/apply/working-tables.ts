import type { ApplyContext } from './apply-context';

/**
 * Typed working tables over the staged text: one per kind, with the element's occurrence
 * among elements of the same key (`occ`). An IMS file may name a person twice (added, then
 * updated); applying occurrence 1 of every key, then 2, and so on gives file-order semantics
 * per key while each step stays one set-based statement. Temp tables are never analysed
 * automatically, so each is analysed once filled.
 *
 * Keys are in the "C" collation, as the roster's `sourced_id` columns and the link tables'
 * are (src/roster/shared/key-columns.ts): an index serves only comparisons in its own
 * collation, so the key tables' primary keys serve the joins with `roster_user`, `class`,
 * `user_identifier` and the links only if they are "C" too, and grouping by key compares bytes.
 */
export async function createWorkingTables(ctx: ApplyContext): Promise<void> {
  await ctx.query(`create index on stage_ims (kind)`);
  await ctx.query(`analyze stage_ims`);
  await ctx.query(
    `create temp table ims_persons on commit drop as
     select s.ord::int as ord, s.line, s.path, s.recstatus::int as recstatus, s.key collate "C" as key, s.source, s.userid, s.auth, s.given, s.family,
            s.fn, s.email, s.url, s.locality, s.country,
            (row_number() over (partition by s.key collate "C" order by s.ord::int))::int as occ,
            null::text as outcome, null::text as reason
       from stage_ims s where s.kind = 'person'`,
  );
  await ctx.query(
    `create temp table ims_groups on commit drop as
     select s.ord::int as ord, s.line, s.path, s.recstatus::int as recstatus, s.key collate "C" as key, s.source, s.title, s.title_fallback = 't' as title_fallback,
            s.code, s.code_fallback = 't' as code_fallback, s.summary, s.org_units::jsonb as org_units, s.tf_begin, s.tf_end, s.adminperiod,
            (row_number() over (partition by s.key collate "C" order by s.ord::int))::int as occ,
            null::text as outcome, null::text as reason, false as created_on_delete
       from stage_ims s where s.kind = 'group'`,
  );
  await ctx.query(`analyze ims_persons`);
  await ctx.query(`analyze ims_groups`);

  // Every person and course code the file names, from its own elements and its memberships.
  await ctx.query(
    `create temp table ims_person_keys (key text collate "C" primary key, userid text, email text, user_id bigint, owned boolean not null default false,
       deleted boolean not null default false, via text, ambiguous boolean not null default false) on commit drop`,
  );
  await ctx.query(
    `insert into ims_person_keys (key, userid, email)
     select distinct on (key) key, nullif(userid, ''), nullif(email, '') from ims_persons order by key, ord desc`,
  );
  await ctx.query(`insert into ims_person_keys (key) select distinct key collate "C" from stage_ims where kind = 'member' on conflict (key) do nothing`);
  await ctx.query(
    `create temp table ims_group_keys (key text collate "C" primary key, class_id bigint, owned boolean not null default false,
       deleted boolean not null default false, via text, ambiguous boolean not null default false) on commit drop`,
  );
  await ctx.query(`insert into ims_group_keys (key) select distinct key from ims_groups`);
  await ctx.query(`insert into ims_group_keys (key) select distinct key collate "C" from stage_ims where kind = 'membership' on conflict (key) do nothing`);
  await ctx.query(`analyze ims_person_keys`);
  await ctx.query(`analyze ims_group_keys`);
}

/** The highest occurrence in a working table: how many rounds its apply takes. */
export async function rounds(ctx: ApplyContext, table: 'ims_persons' | 'ims_groups' | 'ims_members', where = 'true'): Promise<number> {
  return ctx.number(`select max(occ)::int as n from ${table} where ${where}`);
}
