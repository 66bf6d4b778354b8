import type { DataSource } from 'typeorm';
import type { EdReflectIndicator, EdReflectRubric, EdReflectStandard } from './rubric.type';

interface StoredRow {
  table_name: string;
  row_id: string;
  root_id: string | null;
  parent_id: string | null;
  values: Record<string, string>;
}

/** Indicator tables are `rubrics` followed by one `.indicators` per level. */
const INDICATOR_TABLE = '^rubrics(\\.indicators)+$';

/**
 * The system's rubrics with their standards and indicator trees, in three queries whatever the
 * depth: an indicator's children are the rows one level down whose parent id is its id (level 1
 * hangs under the rubric itself). Rubrics are few per organisation, so they are not paged.
 */
export async function loadRubrics(db: DataSource, system: string): Promise<EdReflectRubric[]> {
  const select = `select table_name, row_id, root_id, parent_id, "values" from edreflect_row where system = $1`;
  const rubrics = (await db.query(`${select} and table_name = 'rubrics' order by file, line`, [system])) as StoredRow[];
  const standards = (await db.query(`${select} and table_name = 'rubrics.standards' order by file, line`, [system])) as StoredRow[];
  const indicators = (await db.query(`${select} and table_name ~ $2 order by table_name, file, line`, [system, INDICATOR_TABLE])) as StoredRow[];

  const byParent = new Map<string, EdReflectIndicator[]>();
  const nodes = indicators.map((row) => {
    const level = row.table_name.split('.').length - 1;
    const node: EdReflectIndicator = { ...fields(row), level, code: row.values['code'] || null, children: [] };
    const parentKey = `${level - 1}:${level === 1 ? (row.root_id ?? row.parent_id ?? '') : (row.parent_id ?? '')}`;
    return { node, key: `${level}:${row.row_id}`, parentKey, rootId: row.root_id };
  });
  const byKey = new Map(nodes.map((n) => [n.key, n.node]));
  for (const n of nodes) {
    if (n.parentKey.startsWith('0:')) continue;
    byKey.get(n.parentKey)?.children.push(n.node);
  }
  for (const n of nodes) {
    if (!n.parentKey.startsWith('0:')) continue;
    const list = byParent.get(n.parentKey.slice(2)) ?? [];
    list.push(n.node);
    byParent.set(n.parentKey.slice(2), list);
  }
  return rubrics.map((row) => ({
    ...fields(row),
    standards: standards.filter((s) => s.root_id === row.row_id).map((s): EdReflectStandard => fields(s)),
    indicators: byParent.get(row.row_id) ?? [],
  }));
}

function fields(row: StoredRow): { edReflectId: string; name: string | null; values: Record<string, string> } {
  return { edReflectId: row.row_id, name: row.values['name'] || null, values: row.values };
}
