import type { QueryRunner } from 'typeorm';
import { warning, type Diagnostic } from '../ingest';

/** At most this many broken references are read back; CappedWarnings caps what is listed. */
const MAX_REPORTED = 1_000;

/**
 * Reports rows of this import whose root model or parent row is not stored, as warnings:
 * an offboarding export is what EdReflect had, dangling ids included, so they are kept.
 * A parent is looked up in the whole group (ids are unique there), as the parent table of
 * `rubrics.standards.indicators.proficiencyLevels` is not named by the file.
 */
export async function reportBrokenReferences(qr: QueryRunner, system: string, issue: (d: Diagnostic) => void): Promise<number> {
  const rows = (await qr.query(
    `select i.file, i.line, i.row_id, i.table_name, k.kind
     from edreflect_incoming i
     cross join lateral (values
       ('root', i.root_id, i.table_name <> i.group_name and i.root_id is not null
          and not exists (select 1 from edreflect_row p where p.system = $1 and p.table_name = i.group_name and p.row_id = i.root_id)),
       ('parent', i.parent_id, i.parent_id is not null and i.parent_id is distinct from i.root_id
          and not exists (select 1 from edreflect_row p where p.system = $1 and p.group_name = i.group_name and p.row_id = i.parent_id))
     ) as k(kind, ref, broken)
     where k.broken
     order by i.file, i.line
     limit ${MAX_REPORTED}`,
    [system],
  )) as { file: string; line: number; row_id: string; table_name: string; kind: string }[];
  for (const r of rows) {
    const what = r.kind === 'root' ? `its ${r.table_name.split('.')[0]} model` : 'its parent row';
    issue(warning(`edreflect.reference.${r.kind}`, `the row refers to ${what}, which the export does not contain; the row is kept`, { file: r.file, line: r.line, recordKey: r.row_id }));
  }
  return rows.length;
}
