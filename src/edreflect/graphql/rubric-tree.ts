import { toGlobalId } from '../../graphql/relay/global-id';
import type { Queryable } from '../../graphql/relay/keyset';
import { type EdReflectIndicator, EdReflectRubric, type EdReflectStandard } from './rubric.type';

interface StoredRow {
  id: string;
  system: string;
  table_name: string;
  row_id: string;
  root_id: string | null;
  parent_id: string | null;
  values: Record<string, string>;
}

/** Indicator tables are `rubrics` followed by one `.indicators` per level. */
const INDICATOR_TABLE = '^rubrics(\\.indicators)+$';

/** Which rubrics to load: a system's, or some by row id (`node`), or by EdReflect id (an observation's). */
export type RubricSelection =
  | { readonly system: string }
  | { readonly ids: readonly string[] }
  | { readonly keys: readonly { readonly system: string; readonly rowId: string }[] };

/**
 * Rubrics with their standards and indicator trees, in three queries whatever the depth: an
 * indicator's children are the rows one level down whose parent id is its id (level 1 hangs
 * under the rubric itself). Rubrics are few per organisation, so they are not paged.
 */
export async function loadRubrics(db: Queryable, selection: RubricSelection): Promise<EdReflectRubric[]> {
  const columns = `id, system, table_name, row_id, root_id, parent_id, "values"`;
  const rubrics = (
    'system' in selection
      ? await db.query(`select ${columns} from edreflect_row where system = $1 and table_name = 'rubrics' order by file, line`, [selection.system])
      : 'ids' in selection
        ? await db.query(`select ${columns} from edreflect_row where id = any($1::bigint[]) and table_name = 'rubrics' order by id`, [selection.ids])
        : await db.query(
            `select ${columns} from edreflect_row r join unnest($1::text[], $2::text[]) as k(system, row_id) using (system, row_id) where r.table_name = 'rubrics' order by r.id`,
            [selection.keys.map((k) => k.system), selection.keys.map((k) => k.rowId)],
          )
  ) as StoredRow[];
  if (rubrics.length === 0) return [];
  // Children of the rubrics found, in the rubrics' systems: ids are unique only within one.
  const below = `select ${columns} from edreflect_row where (system, root_id) in (select * from unnest($1::text[], $2::text[]))`;
  const keys = [rubrics.map((r) => r.system), rubrics.map((r) => r.row_id)];
  const standards = (await db.query(`${below} and table_name = 'rubrics.standards' order by file, line`, keys)) as StoredRow[];
  const indicators = (await db.query(`${below} and table_name ~ $3 order by table_name, file, line`, [...keys, INDICATOR_TABLE])) as StoredRow[];

  const byParent = new Map<string, EdReflectIndicator[]>();
  const nodes = indicators.map((row) => {
    const level = row.table_name.split('.').length - 1;
    const node: EdReflectIndicator = { ...fields(row), level, code: row.values['code'] || null, children: [] };
    const parentKey = `${row.system}:${level - 1}:${level === 1 ? (row.root_id ?? row.parent_id ?? '') : (row.parent_id ?? '')}`;
    return { node, key: `${row.system}:${level}:${row.row_id}`, parentKey, level };
  });
  const byKey = new Map(nodes.map((n) => [n.key, n.node]));
  for (const n of nodes) {
    if (n.level === 1) {
      const list = byParent.get(n.parentKey) ?? [];
      list.push(n.node);
      byParent.set(n.parentKey, list);
    } else byKey.get(n.parentKey)?.children.push(n.node);
  }
  return rubrics.map((row) =>
    Object.assign(new EdReflectRubric(), {
      ...fields(row),
      localId: row.id,
      id: toGlobalId('EdReflectRubric', row.id),
      system: row.system,
      standards: standards.filter((s) => s.system === row.system && s.root_id === row.row_id).map((s): EdReflectStandard => fields(s)),
      indicators: byParent.get(`${row.system}:0:${row.row_id}`) ?? [],
    }),
  );
}

function fields(row: StoredRow): { edReflectId: string; name: string | null; values: Record<string, string> } {
  return { edReflectId: row.row_id, name: row.values['name'] || null, values: row.values };
}
