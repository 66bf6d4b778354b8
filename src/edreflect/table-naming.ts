/**
 * How an EdReflect file name and header become a table, a group and row keys. The field
 * definitions are not public, so every rule here is tolerant and name-based:
 *
 * - table: the file name without `.csv` (`rubrics.indicators.indicators`); the group is the
 *   longest known group name it starts with (`eoy.Classifications`), else its first dotted part.
 * - change list: `changed.<group>.csv` lists (column `id`, else the first column) the ids of the
 *   group's models changed since the last export. A package with one is a change-only export.
 * - row id: the first column named `id`, `_id` or `uuid` (any case); a table without one (link
 *   tables like `assignments.learners`) gets a content id, `#` + sha1 of its values.
 * - root id: the group's model the row belongs to: the row id in the group's own table, else
 *   the column `<singular group>Id` (`rubricId`, `observationId`).
 * - parent id: in a nested table, the column naming the row one level up: `<singular of the
 *   previous part>Id` (`indicatorId` in `rubrics.indicators.indicators`), or `parentId`.
 */

/** Groups of the offboarding product with a dot in their name. */
const DOTTED_GROUPS = ['eoy.Classifications'];

export const CHANGED_PREFIX = 'changed.';

export interface TableName {
  readonly table: string;
  readonly group: string;
  /** The dotted parts after the group (`['indicators', 'indicators']`). */
  readonly path: readonly string[];
}

/** Null for anything that is not a `.csv` file. */
export function tableOf(fileName: string): TableName | null {
  const match = /^(.+)\.csv$/i.exec(fileName);
  if (!match?.[1]) return null;
  const table = match[1];
  const group = DOTTED_GROUPS.find((g) => table === g || table.startsWith(`${g}.`)) ?? table.split('.')[0] ?? table;
  const rest = table.slice(group.length).split('.').filter((p) => p.length > 0);
  return { table, group, path: rest };
}

/** `changed.rubrics.csv` → `rubrics`; null when the file is not a change list. */
export function changedGroupOf(fileName: string): string | null {
  const t = tableOf(fileName);
  if (!t || !t.table.startsWith(CHANGED_PREFIX)) return null;
  const group = t.table.slice(CHANGED_PREFIX.length);
  return group.length > 0 ? group : null;
}

/** `observations` → `observation`, `activities` → `activity`, `eoy.Classifications` → `classification`. */
export function singular(word: string): string {
  const last = word.split('.').pop() ?? word;
  const lower = last.charAt(0).toLowerCase() + last.slice(1);
  if (/ies$/.test(lower)) return `${lower.slice(0, -3)}y`;
  if (/(ss|us)$/.test(lower)) return lower;
  if (/s$/.test(lower)) return lower.slice(0, -1);
  return lower;
}

/** Where a table's keys are in its header: positions, -1 when absent. */
export interface KeyColumns {
  readonly id: number;
  readonly root: number;
  readonly parent: number;
}

export function keyColumnsOf(name: TableName, header: readonly string[]): KeyColumns {
  const find = (...candidates: string[]): number => {
    const wanted = candidates.map((c) => c.toLowerCase());
    for (const w of wanted) {
      const i = header.findIndex((h) => h.trim().toLowerCase() === w);
      if (i !== -1) return i;
    }
    return -1;
  };
  const id = find('id', '_id', 'uuid');
  const rootColumn = `${singular(name.group)}Id`;
  const root = name.path.length === 0 ? id : find(rootColumn);
  let parent = -1;
  if (name.path.length > 0) {
    const above = name.path.length >= 2 ? (name.path[name.path.length - 2] as string) : name.group;
    parent = find(`${singular(above)}Id`, 'parentId');
    // A child whose parent is the group's model: the parent is the root.
    if (parent === -1 && name.path.length === 1) parent = root;
  }
  return { id, root, parent };
}
