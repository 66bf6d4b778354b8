import DataLoader from 'dataloader';
import type { Clause } from '../auth/scope/access-scope';
import type { Queryable } from './relay/keyset';
import { queryPrepared } from '../db/prepared';

const NO_CLAUSE: Clause = { text: '', values: [] };

/**
 * Rows by id, in key order, null where there is none: `select <columns> from <from> where <alias>.id = any(ids)`,
 * narrowed by `scope` (a scoped key's visibility, parameters from `$2`): what it may not see is null, as if absent.
 * Its text is fixed per loader, so it runs prepared (planned once per connection).
 */
export function byIdLoader<Row extends { readonly id: string }>(
  db: Queryable,
  columns: string,
  from: string,
  alias: string,
  scope: Clause = NO_CLAUSE,
): DataLoader<string, Row | null> {
  const text = `select ${columns} from ${from} where ${alias}.id = any($1::bigint[])${scope.text}`;
  return new DataLoader(async (ids) => {
    const rows = (await queryPrepared(db, text, [ids, ...scope.values], 'generic')) as Row[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Rows grouped by a key, for small lists under a parent (a class's terms, a user's roles). The
 * statement binds the keys as `$1::bigint[]` and selects the group key as a text column `__key`;
 * `extra` are the values of any further parameters (a scope clause's).
 */
export function groupedLoader<Row>(db: Queryable, statement: string, extra: readonly unknown[] = []): DataLoader<string, Row[]> {
  return new DataLoader(async (keys) => {
    const groups = await queryGroups<Row>(db, statement, keys, extra);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** At most one row per key (a user's demographics); same statement contract as `groupedLoader`. */
export function oneByKeyLoader<Row>(db: Queryable, statement: string, extra: readonly unknown[] = []): DataLoader<string, Row | null> {
  return new DataLoader(async (keys) => {
    const groups = await queryGroups<Row>(db, statement, keys, extra);
    return keys.map((key) => groups.get(key)?.[0] ?? null);
  });
}

async function queryGroups<Row>(db: Queryable, statement: string, keys: readonly string[], extra: readonly unknown[]): Promise<Map<string, Row[]>> {
  const rows = (await db.query(statement, [keys, ...extra])) as (Row & { __key: string })[];
  const groups = new Map<string, Row[]>();
  for (const { __key, ...row } of rows) {
    let group = groups.get(__key);
    if (!group) groups.set(__key, (group = []));
    group.push(row as Row);
  }
  return groups;
}
