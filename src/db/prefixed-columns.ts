/**
 * Another table's row read beside a list's own (a class with its enrollment, a course with
 * its class), so that one statement answers both: its columns are renamed with a prefix and
 * split off again in code, keeping the types pg gives each column.
 */

/** `co.id, co.title` -> `co.id as "__co_id", co.title as "__co_title"`; the list must name plain columns of `alias`. */
export function prefixedColumns(columns: string, alias: string, prefix: string): string {
  return columns
    .split(',')
    .map((column) => {
      const match = new RegExp(`^\\s*${alias}\\.([a-z_]+)\\s*$`).exec(column);
      if (!match) throw new Error(`only plain columns of ${alias} can be prefixed, not ${column}`);
      return `${alias}.${match[1]} as "${prefix}${match[1]}"`;
    })
    .join(', ');
}

/**
 * The prefixed columns of `row` as a row of their own, or null when the joined row was absent
 * (its `id` is null). They stay on `row` too: mappers read only the columns they know, and
 * deleting properties would turn the row into a slow dictionary object.
 */
export function takePrefixed<Row>(row: Record<string, unknown>, prefix: string): Row | null {
  const taken: Record<string, unknown> = {};
  for (const name of Object.keys(row)) {
    if (!name.startsWith(prefix)) continue;
    taken[name.slice(prefix.length)] = row[name];
  }
  return taken['id'] == null ? null : (taken as Row);
}
