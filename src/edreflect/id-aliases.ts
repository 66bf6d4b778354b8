import type { QueryRunner } from 'typeorm';
import { warning, type Diagnostic } from '../ingest';

/**
 * Old→new id join tables (`user_ids.csv`, `goal_ids.csv`, ... in EdReflect's `export/all`):
 * after EdReflect re-keyed its models, rows may still carry old ids, and later change-only
 * exports are keyed by the new ones. The join tables are stored like any table; their pairs
 * (the first column whose name starts with `old` → the first starting with `new`) rewrite every
 * other row's id, model id, parent id and every value equal to an old id. EdReflect ids are
 * unique across models (ObjectIds), so a value equal to an old id is a reference to it.
 *
 * Rows are rewritten on the way in (so the same export imported again changes nothing) and,
 * when an export brings join tables, in the store too (rows of earlier exports).
 */
export const JOIN_TABLE = '^[A-Za-z]+_ids$';

const CONTENT_ID = `'#' || encode(sha256(convert_to(%s::text, 'UTF8')), 'hex')`;
/** Content ids of link tables, from the values as jsonb (key order canonical): the same after a rewrite. */
const contentId = (expr: string): string => CONTENT_ID.replace('%s', expr);

/** The value with every old id replaced, for a jsonb column `expr` of string values. */
const rewritten = (expr: string): string =>
  `(select jsonb_object_agg(e.key, coalesce(a.new_id, e.value)) from jsonb_each_text(${expr}) e left join edreflect_alias a on a.old_id = e.value)`;
const mentionsOld = (expr: string): string => `exists (select 1 from jsonb_each_text(${expr}) e join edreflect_alias a on a.old_id = e.value)`;
const mapped = (expr: string): string => `coalesce((select a.new_id from edreflect_alias a where a.old_id = ${expr}), ${expr})`;

export interface AliasOutcome {
  /** Old→new pairs known to this import (sent now or stored before). */
  readonly aliases: number;
  /** Whether this export sent join tables (then stored rows are rewritten too). */
  readonly joinTablesSent: boolean;
}

/**
 * Gathers the pairs of the incoming and the stored join tables into `edreflect_alias`, then
 * rewrites the incoming rows and change lists. Content ids of link tables are computed here,
 * from the final values.
 */
export async function remapIncoming(qr: QueryRunner, system: string, issue: (d: Diagnostic) => void): Promise<AliasOutcome> {
  await qr.query(`create temp table edreflect_alias (old_id text primary key, new_id text not null) on commit drop`);
  const unusable = (await qr.query(
    `select distinct i.table_name, i.file from edreflect_incoming i
      where i.table_name ~ $1 and not (exists (select 1 from jsonb_object_keys(i.vals) k where lower(k) like 'old%')
                                   and exists (select 1 from jsonb_object_keys(i.vals) k where lower(k) like 'new%'))`,
    [JOIN_TABLE],
  )) as { table_name: string; file: string }[];
  for (const u of unusable) {
    issue(warning('edreflect.ids.columns', `${u.table_name} has no old… and new… columns; its ids were stored but not applied`, { file: u.file }));
  }
  await qr.query(
    `insert into edreflect_alias (old_id, new_id)
     select distinct on (o) o, n from (
       select btrim(x.vals ->> ok.k) as o, btrim(x.vals ->> nk.k) as n, x.pri
         from (select i.vals, 0 as pri from edreflect_incoming i where i.table_name ~ $2
               union all
               -- Stored join tables, found through column discovery so that the store's key is used.
               select r."values", 1 from edreflect_row r
                where r.system = $1 and r.table_name in (select distinct c.table_name from edreflect_column c where c.system = $1 and c.table_name ~ $2)) x
        cross join lateral (select k from jsonb_object_keys(x.vals) k where lower(k) like 'old%' order by k limit 1) ok
        cross join lateral (select k from jsonb_object_keys(x.vals) k where lower(k) like 'new%' order by k limit 1) nk
     ) y where o <> '' and n <> '' and o <> n order by o, pri`,
    [system, JOIN_TABLE],
  );
  const [counts] = (await qr.query(
    `select (select count(*) from edreflect_alias)::int as aliases, exists (select 1 from edreflect_incoming where table_name ~ $1) as sent`,
    [JOIN_TABLE],
  )) as { aliases: number; sent: boolean }[];
  const outcome = { aliases: counts?.aliases ?? 0, joinTablesSent: counts?.sent ?? false };
  if (outcome.aliases > 0) {
    await qr.query(`analyze edreflect_alias`);
    // A row sent under both ids is the new one's: the old copy goes.
    await qr.query(
      `delete from edreflect_incoming i using edreflect_alias a
        where i.row_id = a.old_id and exists (select 1 from edreflect_incoming j where j.table_name = i.table_name and j.row_id = a.new_id)`,
    );
    await qr.query(
      `update edreflect_incoming i set row_id = ${mapped('i.row_id')}, root_id = ${mapped('i.root_id')}, parent_id = ${mapped('i.parent_id')}, vals = ${rewritten('i.vals')}
        where i.table_name !~ $1 and (i.row_id in (select old_id from edreflect_alias) or i.root_id in (select old_id from edreflect_alias)
                                      or i.parent_id in (select old_id from edreflect_alias) or ${mentionsOld('i.vals')})`,
      [JOIN_TABLE],
    );
    await qr.query(`update edreflect_changed c set id = a.new_id from edreflect_alias a where c.id = a.old_id`);
  }
  await qr.query(`update edreflect_incoming set row_id = ${contentId('vals')} where row_id like '#%'`);
  if (outcome.aliases > 0) {
    // Rewritten link rows may now equal another sent row: one of them is enough.
    await qr.query(
      `delete from edreflect_incoming i using (
         select ctid, row_number() over (partition by table_name, row_id order by file desc, line desc) as n from edreflect_incoming
       ) d where i.ctid = d.ctid and d.n > 1`,
    );
  }
  return outcome;
}

/**
 * Rewrites the system's stored rows that still carry old ids (rows of earlier exports), and
 * moves the persons of re-keyed EdReflect users to their new ids, keeping their matches and
 * manual links. Run after the import's rows are applied, when the export sent join tables.
 * Returns how many stored rows changed.
 */
export async function remapStored(qr: QueryRunner, system: string, jobId: string): Promise<number> {
  await qr.query(
    `create temp table edreflect_remap on commit drop as
     select r.id, r.table_name, case when r.row_id like '#%' then ${contentId(rewritten('r."values"'))} else ${mapped('r.row_id')} end as row_id,
            ${mapped('r.root_id')} as root_id, ${mapped('r.parent_id')} as parent_id, ${rewritten('r."values"')} as vals
       from edreflect_row r
      where r.system = $1 and r.table_name !~ $2
        and (r.row_id in (select old_id from edreflect_alias) or r.root_id in (select old_id from edreflect_alias)
             or r.parent_id in (select old_id from edreflect_alias) or ${mentionsOld('r."values"')})`,
    [system, JOIN_TABLE],
  );
  // A row whose new key another row already has (the new state, applied by this import) is
  // that row's old copy: it goes. Of two old copies of one row, the first stays.
  await qr.query(
    `delete from edreflect_row r using edreflect_remap m
      where r.id = m.id
        and (exists (select 1 from edreflect_row n where n.system = $1 and n.table_name = m.table_name and n.row_id = m.row_id
                        and not exists (select 1 from edreflect_remap x where x.id = n.id))
             or exists (select 1 from edreflect_remap m2 where m2.table_name = m.table_name and m2.row_id = m.row_id and m2.id < m.id))`,
    [system],
  );
  const changed = (await qr.query(
    `with w as (
       update edreflect_row r set row_id = m.row_id, root_id = m.root_id, parent_id = m.parent_id, "values" = m.vals, job_id = $1
         from edreflect_remap m where r.id = m.id returning 1
     ) select count(*)::int as n from w`,
    [jobId],
  )) as { n: number }[];
  await qr.query(
    `update external_person p set account_id = a.new_id, person_key = 'account:' || a.new_id, updated_at = now()
       from edreflect_alias a
      where p.system = $1 and p.account_id = a.old_id
        and not exists (select 1 from external_person q where q.system = p.system and q.person_key = 'account:' || a.new_id)`,
    [`edreflect:${system}`],
  );
  return changed[0]?.n ?? 0;
}
