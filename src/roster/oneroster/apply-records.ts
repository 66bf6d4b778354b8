import { holdsNoRecordsOf, withIndexesRebuilt } from './first-load';
import type { ImportContext } from './import-context';
import type { FileMode } from './manifest';
import type { RosterFile } from './versions';

/** One target column and the SQL that computes it from staged row `s` (and the spec's joins). */
export interface TargetColumn {
  readonly name: string;
  readonly expr: string;
}

export interface RecordSpec {
  readonly file: RosterFile;
  /** The roster table (`org`, `roster_user`, ...). */
  readonly table: string;
  readonly columns: readonly TargetColumn[];
  /** Joins that resolve references for `columns`, e.g. `join org o on ...`. */
  readonly joins?: string;
  /** Keep the ids of changed records in `touched_<table>`: a later step (links, parents) reads them. */
  readonly touched?: boolean;
  /** Keep the ids of records this import soft-deletes in `deleted_<table>`: their links follow them. */
  readonly deleted?: boolean;
}

/**
 * Applies one staged file to its table in set-based statements: upsert of live rows (only rows
 * that differ are written, so counts and `updated_at` tell real changes), soft delete of rows
 * marked `tobedeleted`, and for a bulk file soft delete of records it no longer lists. Records
 * whose row was rejected are never treated as missing. Ids of changed records land in
 * `touched_<table>` for link steps that follow. A system's first import into the table inserts
 * instead of upserting (first-load.ts): the same rows and counts, without the diff.
 */
export async function applyRecords(ctx: ImportContext, spec: RecordSpec): Promise<void> {
  const plan = ctx.plan(spec.file);
  if (!plan) return;
  const stage = plan.staging.table;
  const count = ctx.count(spec.file);
  const touched = `touched_${spec.table}`;
  if (spec.touched) await ctx.query(`create temp table if not exists ${touched} (id bigint primary key, inserted boolean not null) on commit drop`);
  if (spec.deleted) await ctx.query(`create temp table if not exists deleted_${spec.table} (id bigint primary key) on commit drop`);
  const keepDeleted = spec.deleted ? `, kept as (insert into deleted_${spec.table} select id from gone on conflict (id) do nothing)` : '';
  const firstLoad = await holdsNoRecordsOf(ctx, spec.table);
  const upserted = firstLoad
    ? await withIndexesRebuilt(ctx, spec.table, () => insertAll(ctx, spec, stage, touched))
    : await upsertAll(ctx, spec, stage, touched, plan.mode);
  const [staged] = await ctx.query<{ live: number; asked: number }>(
    `select (count(*) filter (where status is distinct from 'tobedeleted'))::int as live, (count(*) filter (where status = 'tobedeleted'))::int as asked from ${stage}`,
  );
  const asked = staged?.asked ?? 0;
  count.added += upserted[0]?.added ?? 0;
  count.updated += upserted[0]?.updated ?? 0;
  count.unchanged += (staged?.live ?? 0) - (upserted[0]?.added ?? 0) - (upserted[0]?.updated ?? 0);

  if (asked > 0) {
    const [deletes] = await ctx.query<{ n: number }>(
      `with gone as (
         update ${spec.table} t set status = 'tobedeleted', deleted_at = now(), updated_at = now()
           from ${stage} s
          where t.system = $1 and t.sourced_id = s.sourced_id and s.status = 'tobedeleted' and t.deleted_at is null
          returning t.id
       )${keepDeleted} select count(*)::int as n from gone`,
      [ctx.system],
    );
    count.deleted += deletes?.n ?? 0;
    count.unchanged += asked - (deletes?.n ?? 0);
  }

  if (firstLoad) ctx.firstLoads.add(spec.file);
  // Statements that follow (references to this table, the next delta's joins) plan with them.
  await refreshStatistics(ctx, spec.table, upserted[0]?.added ?? 0);

  if (plan.mode === 'bulk' && ctx.missingFromBulk.get(spec.file) !== 0) {
    const [missing] = await ctx.query<{ n: number }>(
      `with gone as (
         update ${spec.table} t set status = 'tobedeleted', deleted_at = now(), updated_at = now()
          where ${missingFromBulk(stage, spec.file)} returning t.id
       )${keepDeleted} select count(*)::int as n from gone`,
      [ctx.system],
    );
    count.deleted += missing?.n ?? 0;
  }
}

/** Inserts new records and updates the ones that differ; the counts say which was which. */
async function upsertAll(ctx: ImportContext, spec: RecordSpec, stage: string, touched: string, mode: FileMode): Promise<{ added: number; updated: number }[]> {
  const names = spec.columns.map((c) => c.name);
  // Bulk rows carry no dateLastModified: keep the one a delta stored (the stale-delta guard
  // needs it) instead of blanking it, and do not count it as a change.
  const dateLastModified = mode === 'bulk' ? 'coalesce(excluded.date_last_modified, t.date_last_modified)' : 'excluded.date_last_modified';
  // Counting straight from the upsert when nothing reads the ids later saves a write per row.
  const saved = spec.touched ? `saved as (insert into ${touched} select id, inserted from up on conflict (id) do nothing returning inserted)` : `saved as (select inserted from up)`;
  return ctx.query<{ added: number; updated: number }>(
    `with up as (
       insert into ${spec.table} as t (system, sourced_id, status, date_last_modified, deleted_at, metadata, updated_at, ${names.join(', ')})
       select $1, s.sourced_id, 'active', s.date_last_modified::timestamptz, null, coalesce(s.metadata::jsonb, '{}'::jsonb), now(),
              ${spec.columns.map((c) => c.expr).join(', ')}
         from ${stage} s ${spec.joins ?? ''}
        where s.status is distinct from 'tobedeleted'
       on conflict (system, sourced_id) where sourced_id is not null do update set
         status = 'active', date_last_modified = ${dateLastModified}, deleted_at = null, metadata = excluded.metadata,
         updated_at = now(), ${names.map((n) => `${n} = excluded.${n}`).join(', ')}
       where (t.status, ${dateLastModified}, t.deleted_at, t.metadata, ${names.map((n) => `t.${n}`).join(', ')})
             is distinct from
             ('active', t.date_last_modified, null::timestamptz, excluded.metadata, ${names.map((n) => `excluded.${n}`).join(', ')})
       returning ${spec.touched ? 't.id, ' : ''}(xmax = 0) as inserted
     ), ${saved}
     select (count(*) filter (where inserted))::int as added, (count(*) filter (where not inserted))::int as updated from saved`,
    [ctx.system],
  );
}

/** The first-load twin of the upsert: every live staged row is new (see first-load.ts). */
async function insertAll(ctx: ImportContext, spec: RecordSpec, stage: string, touched: string): Promise<{ added: number; updated: number }[]> {
  const names = spec.columns.map((c) => c.name);
  return ctx.query<{ added: number; updated: number }>(
    `with up as (
       insert into ${spec.table} (system, sourced_id, status, date_last_modified, deleted_at, metadata, updated_at, ${names.join(', ')})
       select $1, s.sourced_id, 'active', s.date_last_modified::timestamptz, null, coalesce(s.metadata::jsonb, '{}'::jsonb), now(),
              ${spec.columns.map((c) => c.expr).join(', ')}
         from ${stage} s ${spec.joins ?? ''}
        where s.status is distinct from 'tobedeleted'
       returning ${spec.touched ? 'id' : '1'}
     ), saved as (${spec.touched ? `insert into ${touched} select id, true from up returning 1` : 'select 1 from up'})
     select count(*)::int as added, 0 as updated from saved`,
    [ctx.system],
  );
}

/**
 * Fresh statistics when a table grew by a tenth or more (a first import): planned for the
 * empty table, the joins that follow would loop over it row by row. A small delta leaves them
 * to autovacuum.
 */
export async function refreshStatistics(ctx: ImportContext, table: string, added: number): Promise<void> {
  if (added === 0) return;
  const [stats] = await ctx.query<{ rows: number }>(`select reltuples::float8 as rows from pg_class where oid = $1::regclass`, [table]);
  if (stats && stats.rows >= 0 && added < stats.rows / 10) return;
  await ctx.query(`analyze ${table}`);
}

/** Live records of this system that a bulk file no longer lists (rows it rejected still count as listed). */
export function missingFromBulk(stage: string, file: RosterFile): string {
  return `t.system = $1 and t.deleted_at is null and t.sourced_id is not null
    and not exists (select 1 from ${stage} s where s.sourced_id = t.sourced_id)
    and not exists (select 1 from rejected_keys r where r.file = '${file}' and r.sourced_id = t.sourced_id)`;
}
