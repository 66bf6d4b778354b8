import type { QueryRunner } from 'typeorm';
import { warning, type Diagnostic } from '../ingest';
import type { FilePlan } from './file-plan';

export interface TableCounts {
  added: number;
  updated: number;
  deleted: number;
  unchanged: number;
  rejected: number;
}

export type ExportMode = 'FULL' | 'CHANGES';

/**
 * Gathers the staged files into `edreflect_incoming` (rows) and `edreflect_changed` (ids of
 * changed models), inside the import transaction. A row sent twice keeps its last line.
 */
export async function gatherStaged(qr: QueryRunner, plans: readonly FilePlan[], issue: (d: Diagnostic) => void): Promise<void> {
  await qr.query(
    `create temp table edreflect_incoming (group_name text not null, table_name text not null, row_id text not null, root_id text, parent_id text, vals jsonb not null, file text not null, line integer not null) on commit drop`,
  );
  await qr.query(`create temp table edreflect_changed (group_name text not null, id text not null) on commit drop`);
  for (const plan of plans) {
    const stage = plan.spec.staging.table; // an identifier made in code, never from input
    if (plan.kind === 'changes') {
      await qr.query(`insert into edreflect_changed (group_name, id) select $1, row_id from ${stage}`, [plan.group]);
    } else {
      await qr.query(
        `insert into edreflect_incoming select $1, $2, row_id, root_id, parent_id, vals::jsonb, $3, line from ${stage}`,
        [plan.name.group, plan.name.table, plan.spec.entry],
      );
    }
  }
  const repeated = (await qr.query(
    // A select around the delete: TypeORM returns [rows, count] for a bare DELETE.
    `with gone as (
       delete from edreflect_incoming i using (
         select ctid, row_number() over (partition by table_name, row_id order by file desc, line desc) as n from edreflect_incoming
       ) d where i.ctid = d.ctid and d.n > 1 returning i.file, i.line, i.row_id
     ) select file, line, row_id from gone order by file, line`,
  )) as { file: string; line: number; row_id: string }[];
  for (const r of repeated) {
    issue(warning('edreflect.row.repeated', 'the row id appears again later in the file; the later row is kept', { file: r.file, line: r.line, recordKey: r.row_id }));
  }
  await qr.query(`analyze edreflect_incoming`);
}

/**
 * Applies the incoming rows to the system's store and returns per-table counts.
 * FULL: the export is the whole product, so every stored row it does not send is deleted.
 * CHANGES: rows whose model (root id, or the model itself) is listed as changed are deleted
 * unless sent again, as EdReflect asks (a deleted list item is not named anywhere else);
 * then every sent row is inserted or updated. Rows whose values did not change are left alone,
 * so importing the same state twice changes nothing.
 */
export async function applyRows(qr: QueryRunner, system: string, jobId: string, mode: ExportMode): Promise<Map<string, TableCounts>> {
  const counts = new Map<string, TableCounts>();
  const of = (table: string): TableCounts => {
    let c = counts.get(table);
    if (!c) counts.set(table, (c = { added: 0, updated: 0, deleted: 0, unchanged: 0, rejected: 0 }));
    return c;
  };
  const notSent = `not exists (select 1 from edreflect_incoming i where i.table_name = r.table_name and i.row_id = r.row_id)`;
  const changed = `exists (select 1 from edreflect_changed c where c.group_name = r.group_name and (c.id = r.root_id or (c.id = r.row_id and r.table_name = r.group_name)))`;
  const deleted = (await qr.query(
    `with d as (delete from edreflect_row r where r.system = $1 and ${mode === 'FULL' ? notSent : `${changed} and ${notSent}`} returning r.table_name)
     select table_name, count(*)::int as n from d group by table_name`,
    [system],
  )) as { table_name: string; n: number }[];
  for (const d of deleted) of(d.table_name).deleted = d.n;

  const written = (await qr.query(
    `with w as (
       insert into edreflect_row (system, group_name, table_name, row_id, root_id, parent_id, "values", file, line, job_id)
       select $1, group_name, table_name, row_id, root_id, parent_id, vals, file, line, $2 from edreflect_incoming
       on conflict (system, table_name, row_id) do update set
         group_name = excluded.group_name, root_id = excluded.root_id, parent_id = excluded.parent_id,
         "values" = excluded."values", file = excluded.file, line = excluded.line, job_id = excluded.job_id
       where edreflect_row."values" is distinct from excluded."values"
          or edreflect_row.root_id is distinct from excluded.root_id
          or edreflect_row.parent_id is distinct from excluded.parent_id
       returning table_name, (xmax = 0) as inserted
     )
     select table_name, count(*) filter (where inserted)::int as added, count(*) filter (where not inserted)::int as updated from w group by table_name`,
    [system, jobId],
  )) as { table_name: string; added: number; updated: number }[];
  for (const w of written) Object.assign(of(w.table_name), { added: w.added, updated: w.updated });

  const sent = (await qr.query(`select table_name, count(*)::int as n from edreflect_incoming group by table_name`)) as { table_name: string; n: number }[];
  for (const s of sent) {
    const c = of(s.table_name);
    c.unchanged = s.n - c.added - c.updated;
  }
  return counts;
}
