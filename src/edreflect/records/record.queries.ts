import { raw, sql, type Sql } from '../../db/sql';
import type { ListQuery } from '../../graphql/relay/keyset';
import { ROW_COLUMNS } from './record-row';
import { type RecordKind, USER_KIND } from './record-kinds';

/**
 * The typed graph reads `edreflect_row` directly: each model is its table's rows, typed in the
 * mapper, so nothing is copied and a later export (or an unknown column) is visible at once.
 * Lookups by user go through partial expression indexes on the user columns (migration
 * AddEdReflectGraphIndexes); nested lists join the parent row by its unique key.
 */

/** Nested lists are what NestedConnections batches: the query and the SQL naming each row's parent. */
export interface NestedList {
  readonly signature: string;
  readonly query: ListQuery;
  readonly parentExpr: string;
}

export interface RecordFilter {
  /** A roster user's local id: records whose user columns name an EdReflect user matched to them. */
  readonly userId?: string | null;
  /** An EdReflect user's local id (its row's id): records whose user columns name them. */
  readonly edReflectUserId?: string | null;
  /** Users only: true = matched to a roster user, false = waiting (unmatched or ambiguous). */
  readonly matched?: boolean | null;
  /** Part of the name (or title), ignoring case. */
  readonly search?: string | null;
}

const ORDER = [{ expr: 'r.id', direction: 'asc' as const }];

/** `("values" ->> 'column')` of alias `r`, as the expression indexes spell it. */
export function valueOf(column: string, alias = 'r'): string {
  if (!/^[A-Za-z0-9_]+$/.test(column)) throw new Error(`not a column name from code: ${column}`);
  return `(${alias}."values" ->> '${column}')`;
}

/**
 * The person of the EdReflect user whose id `idExpr` gives, in the row's own system. Written
 * for the person to drive (lists under roster users): the row's keys are expressions of the
 * person's, so each person probes the row's expression index.
 */
function personJoin(idExpr: string): string {
  return `external_person p on p.system like 'edreflect:%' and r.system = substr(p.system, 11) and ${idExpr} = p.account_id`;
}

/** A model's rows, filtered: a root connection (one statement a page). */
export function kindList(kind: RecordKind, system: string, filter: RecordFilter): ListQuery {
  const where: Sql[] = [sql`r.system = ${system}`, sql`r.table_name = ${kind.table}`];
  const ids = kind === USER_KIND ? ['r.row_id'] : kind.userColumns.map((c) => valueOf(c));
  const idList = raw(ids.join(', '));
  if (filter.userId) {
    where.push(sql`exists (select 1 from external_person p where p.system = 'edreflect:' || r.system and p.account_id in (${idList}) and p.user_id = ${filter.userId}::bigint)`);
  }
  if (filter.edReflectUserId) {
    where.push(sql`(select u.row_id from edreflect_row u where u.id = ${filter.edReflectUserId}::bigint and u.system = r.system and u.table_name = 'users') in (${idList})`);
  }
  if (filter.matched != null && kind === USER_KIND) {
    const matched = raw(`exists (select 1 from external_person p where p.system = 'edreflect:' || r.system and p.account_id = r.row_id and p.user_id is not null)`);
    where.push(filter.matched ? matched : sql`not ${matched}`);
  }
  if (filter.search) where.push(sql`coalesce(${raw(valueOf('name'))}, ${raw(valueOf('title'))}) ilike ${`%${filter.search.replace(/[\\%_]/g, '\\$&')}%`}`);
  return { key: `edreflect:${kind.type}`, select: raw(ROW_COLUMNS), from: raw('edreflect_row r'), where, order: ORDER };
}

/** Rows of `table` that belong to a model (by root id), batched over models. */
export function modelRows(table: string): NestedList {
  return {
    signature: JSON.stringify(['EdReflect.modelRows', table]),
    query: {
      key: `edreflect:model-rows:${table}`,
      select: raw(ROW_COLUMNS),
      from: raw('edreflect_row r join edreflect_row m on m.system = r.system and m.group_name = r.group_name and m.table_name = r.group_name and m.row_id = r.root_id'),
      where: [sql`r.table_name = ${table}`],
      order: ORDER,
    },
    parentExpr: 'm.id',
  };
}

/** Rows of `table` one level below a row (by parent id), batched over parent rows. */
export function childRows(table: string): NestedList {
  return {
    signature: JSON.stringify(['EdReflectRow.children', table]),
    query: {
      key: `edreflect:child-rows:${table}`,
      select: raw(ROW_COLUMNS),
      from: raw('edreflect_row r join edreflect_row m on m.system = r.system and m.group_name = r.group_name and m.row_id = r.parent_id'),
      where: [sql`r.table_name = ${table}`],
      order: ORDER,
    },
    parentExpr: 'm.id',
  };
}

/** A model's rows whose `column` names an EdReflect user, batched over EdReflect users. */
export function byEdReflectUser(kind: RecordKind, column: string): NestedList {
  return {
    signature: JSON.stringify(['EdReflectUser.records', kind.table, column]),
    query: {
      key: `edreflect:${kind.type}:by-user:${column}`,
      select: raw(ROW_COLUMNS),
      from: raw(`edreflect_row r join edreflect_row u on u.system = r.system and u.table_name = 'users' and u.row_id = ${valueOf(column)}`),
      where: [sql`r.table_name = ${kind.table}`],
      order: ORDER,
    },
    parentExpr: 'u.id',
  };
}

/** A model's rows whose `column` names an EdReflect user matched to a roster user, batched over roster users. */
export function byRosterUser(kind: RecordKind, column: string): NestedList {
  return {
    signature: JSON.stringify(['User.edReflectRecords', kind.table, column]),
    query: {
      key: `edreflect:${kind.type}:by-roster-user:${column}`,
      select: raw(ROW_COLUMNS),
      from: raw(`edreflect_row r join ${personJoin(valueOf(column))}`),
      where: [sql`r.table_name = ${kind.table}`],
      order: ORDER,
    },
    parentExpr: 'p.user_id',
  };
}

/** Every table of a group but its own: what `rows(table)` of a model accepts. */
export function isTableOfGroup(table: string, group: string): boolean {
  return table.startsWith(`${group}.`) && table.length > group.length + 1;
}

