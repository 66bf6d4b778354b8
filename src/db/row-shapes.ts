import type { FieldDef } from 'pg';

type RowShape = (values: readonly unknown[]) => Record<string, unknown>;

const shapes = new Map<string, RowShape>();
const MAX_SHAPES = 1_000;

/**
 * Turns the arrays of a result read with `rowMode: 'array'` into objects keyed by column, as
 * pg would have made them, through one object literal per column list. pg builds each row
 * by copying a prototype-less template and assigning every column, which made its row objects
 * dictionaries: on a page of history that copying, and the slow property reads after it, were
 * a tenth of the server's CPU. A literal of fixed keys gives every row one hidden class.
 * Later columns of the same name win, as in pg.
 */
export function rowsAsObjects(fields: readonly FieldDef[], rows: readonly unknown[][]): Record<string, unknown>[] {
  const shape = shapeOf(fields);
  const objects = new Array<Record<string, unknown>>(rows.length);
  for (let i = 0; i < rows.length; i++) objects[i] = shape(rows[i] as unknown[]);
  return objects;
}

function shapeOf(fields: readonly FieldDef[]): RowShape {
  const names = fields.map((field) => field.name);
  const key = names.join('\u0000');
  let shape = shapes.get(key);
  if (!shape) {
    shape = compile(names);
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    shapes.set(key, shape);
  }
  return shape;
}

function compile(names: readonly string[]): RowShape {
  const last = new Map<string, number>();
  names.forEach((name, i) => last.set(name, i));
  // `__proto__: x` in a literal would set the prototype; such a row is built by assignment.
  if (last.has('__proto__')) {
    return (values) => {
      const row: Record<string, unknown> = {};
      for (const [name, i] of last) Object.defineProperty(row, name, { value: values[i], enumerable: true, writable: true, configurable: true });
      return row;
    };
  }
  const body = [...last].map(([name, i]) => `${JSON.stringify(name)}: v[${i}]`).join(', ');
  // The names are column names from Postgres, quoted as JSON string literals: no code can be injected.
  return new Function('v', `return { ${body} };`) as RowShape;
}
