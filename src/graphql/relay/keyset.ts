import type { Sql } from '../../db/sql';
import { and, empty, join, raw, sql } from '../../db/sql';
import { queryPrepared } from '../../db/prepared';
import { DomainError } from '../../shared/domain-error';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export interface OrderColumn {
  /** A non-null SQL expression over the list's FROM clause (trusted text from code). */
  readonly expr: string;
  readonly direction: 'asc' | 'desc';
}

/**
 * A list as SQL: what to select, from where, under which conditions, in which order. The
 * last order column must be unique (the primary key) so that cursors are total.
 */
export interface ListQuery {
  /** Distinguishes cursors of different lists and orders, so one cannot be replayed on another. */
  readonly key: string;
  readonly select: Sql;
  readonly from: Sql;
  readonly where: readonly Sql[];
  readonly order: readonly OrderColumn[];
}

export interface PageRequest {
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}

export interface Page<Row> {
  readonly rows: readonly Row[];
  /**
   * The cursor of `rows[i]`, encoded when asked for: most pages are read as `nodes`, and
   * encoding every row's cursor up front cost a share of a large page's CPU.
   */
  cursorAt(i: number): string | null;
  /** False when the page was read without its key columns (see pageWindow): it has no cursors to give. */
  readonly cursors: boolean;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

interface Window {
  readonly limit: number;
  readonly backward: boolean;
  readonly after: readonly string[] | undefined;
  readonly before: readonly string[] | undefined;
  /** Whether the rows carry their key columns as text, for cursors. */
  readonly cursors: boolean;
}

export const DEFAULT_PAGE_SIZE = 50;

/**
 * Validates connection arguments against the page-size cap and decodes the cursors.
 * `cursors`: false when no cursor of the page can be read (relay/cursor-selection.ts), so the
 * statement need not select the key columns as text.
 */
export function pageWindow(query: ListQuery, args: PageRequest, maxPageSize: number, cursors = true): Window {
  const { first, last } = args;
  if (first != null && last != null) throw new DomainError('BAD_USER_INPUT', 'Pass `first` or `last`, not both');
  const size = first ?? last ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (size < 0) throw new DomainError('BAD_USER_INPUT', '`first` and `last` must not be negative');
  if (size > maxPageSize) {
    throw new DomainError('BAD_USER_INPUT', `\`first\`/\`last\` may be at most ${maxPageSize}`, { maxPageSize });
  }
  return {
    limit: size,
    backward: last != null,
    after: args.after ? decodeCursor(query, args.after) : undefined,
    before: args.before ? decodeCursor(query, args.before) : undefined,
    cursors,
  };
}

/** One page of a top-level list: a single statement. */
export async function fetchPage<Row>(db: Queryable, query: ListQuery, window: Window): Promise<Page<Row>> {
  const order = window.backward ? reversed(query.order) : query.order;
  const statement = sql`select ${query.select}${keyColumns(query, window)} from ${query.from}
    where ${and([...query.where, ...cursorConditions(query, window)])}
    order by ${orderBy(order)} limit ${limitOf(window)}`.render();
  const rows = (await queryPrepared(db, statement.text, statement.values)) as Record<string, unknown>[];
  return toPage<Row>(query, rows, window);
}

/**
 * Pages of a nested list for many parents at once (the DataLoader batch): one statement with
 * `row_number() over (partition by parent)`, so 5 or 500 parents cost the same one query.
 */
export async function fetchPagesByParent<Row>(
  db: Queryable,
  query: ListQuery,
  parentExpr: string,
  parentIds: readonly string[],
  window: Window,
): Promise<Map<string, Page<Row>>> {
  const order = window.backward ? reversed(query.order) : query.order;
  const parent = raw(parentExpr);
  const statement = sql`select * from (
      select ${query.select}${keyColumns(query, window)}, (${parent})::text as "__parent",
        row_number() over (partition by ${parent} order by ${orderBy(order)}) as "__rn"
      from ${query.from}
      where ${and([sql`${parent} = any(${parentIds}::bigint[])`, ...query.where, ...cursorConditions(query, window)])}
    ) s where "__rn" <= ${limitOf(window)} order by "__parent", "__rn"`.render();
  const rows = (await queryPrepared(db, statement.text, statement.values)) as Record<string, unknown>[];
  return groupPages<Row>(query, rows, parentIds, window);
}

function groupPages<Row>(query: ListQuery, rows: Record<string, unknown>[], parentIds: readonly string[], window: Window): Map<string, Page<Row>> {
  const grouped = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = String(row['__parent']);
    let list = grouped.get(key);
    if (!list) grouped.set(key, (list = []));
    list.push(row);
  }
  return new Map(parentIds.map((id) => [id, toPage<Row>(query, grouped.get(id) ?? [], window)]));
}

/**
 * The same pages as fetchPagesByParent, as one LATERAL subquery per parent with its own ORDER
 * BY and LIMIT: each parent's rows are read in index order and reading stops after the page,
 * where the window form reads every row of every parent first. Better for lists that are long
 * per parent and ordered by an index (a learner's timeline); the window form plans faster for
 * short ones.
 */
export async function fetchPagesByParentLateral<Row>(
  db: Queryable,
  query: ListQuery,
  parentExpr: string,
  parentIds: readonly string[],
  window: Window,
): Promise<Map<string, Page<Row>>> {
  const order = window.backward ? reversed(query.order) : query.order;
  // row_number() over () numbers the page's rows in the order its ORDER BY produced them, so
  // the outer ORDER BY can keep that order without comparing the keys again.
  const statement = sql`select x.* from unnest(${parentIds}::bigint[]) with ordinality as "__p"(id, n)
    cross join lateral (
      select y.*, row_number() over () as "__rn" from (
        select ${query.select}${keyColumns(query, window)}, "__p".id::text as "__parent"
        from ${query.from}
        where ${and([sql`${raw(parentExpr)} = "__p".id`, ...query.where, ...cursorConditions(query, window)])}
        order by ${orderBy(order)} limit ${limitOf(window)}
      ) y
    ) x order by "__p".n, x."__rn"`.render();
  // Prepared, with its generic plan: a long list's statement (the timeline's UNION) plans
  // slower than it runs, and the inner page is planned per parent whatever the parent ids.
  const rows = (await queryPrepared(db, statement.text, statement.values, 'generic')) as Record<string, unknown>[];
  return groupPages<Row>(query, rows, parentIds, window);
}

/** `count(*)` of a whole list, ignoring cursors; only run when a client asks for totalCount. */
export async function countRows(db: Queryable, query: ListQuery): Promise<number> {
  const statement = sql`select count(*)::int as n from ${query.from} where ${and([...query.where])}`.render();
  const rows = (await db.query(statement.text, statement.values)) as { n: number }[];
  return rows[0]?.n ?? 0;
}

export async function countRowsByParent(
  db: Queryable,
  query: ListQuery,
  parentExpr: string,
  parentIds: readonly string[],
): Promise<Map<string, number>> {
  const parent = raw(parentExpr);
  const statement = sql`select (${parent})::text as parent, count(*)::int as n from ${query.from}
    where ${and([sql`${parent} = any(${parentIds}::bigint[])`, ...query.where])} group by 1`.render();
  const rows = (await db.query(statement.text, statement.values)) as { parent: string; n: number }[];
  const counts = new Map(rows.map((r) => [r.parent, r.n]));
  return new Map(parentIds.map((id) => [id, counts.get(id) ?? 0]));
}

function toPage<Row>(query: ListQuery, fetched: Record<string, unknown>[], window: Window): Page<Row> {
  const more = fetched.length > window.limit;
  const rows = more ? fetched.slice(0, window.limit) : fetched;
  if (window.backward) rows.reverse();
  // The key columns (`__k0`…) stay on the rows: deleting properties would turn every row into a
  // slow dictionary object, and mappers read only the columns they know.
  const keys = query.order.map((_, i) => `__k${i}`);
  return {
    rows: rows as Row[],
    cursorAt: (i) => {
      const row = rows[i];
      if (!row) return null;
      if (!window.cursors) throw new Error(`a cursor of ${query.key} was read from a page fetched without its keys`);
      return encodeCursor(query, keys.map((k) => String(row[k])));
    },
    cursors: window.cursors,
    // Relay allows `false` when the other direction is not cheap to know; a cursor given in
    // that direction proves there are items on that side, so say so.
    hasNextPage: window.backward ? window.before !== undefined : more,
    hasPreviousPage: window.backward ? more : window.after !== undefined,
  };
}

/**
 * The page size plus one (to learn whether there is more) as a literal, not a parameter: with
 * the limit known, a cached generic plan is the plan the planner would choose for the values
 * (it assumes a tenth of the rows for an unknown limit). The window's size is a checked integer.
 */
function limitOf(window: Window): Sql {
  const n = window.limit + 1;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`page limit must be a positive integer, got ${n}`);
  return raw(String(n));
}

/** `, key columns` for a page with cursors: values selected as text so timestamps keep their microseconds. */
function keyColumns(query: ListQuery, window: Window): Sql {
  if (!window.cursors) return empty;
  return sql`, ${join(query.order.map((c, i) => raw(`(${c.expr})::text as "__k${i}"`)))}`;
}

function orderBy(order: readonly OrderColumn[]): Sql {
  return raw(order.map((c) => `${c.expr} ${c.direction}`).join(', '));
}

function reversed(order: readonly OrderColumn[]): OrderColumn[] {
  return order.map((c) => ({ expr: c.expr, direction: c.direction === 'asc' ? 'desc' : 'asc' }));
}

function cursorConditions(query: ListQuery, window: Window): Sql[] {
  const conditions: Sql[] = [];
  if (window.after) conditions.push(beyond(query.order, window.after, 'after'));
  if (window.before) conditions.push(beyond(query.order, window.before, 'before'));
  return conditions;
}

/**
 * Rows strictly after (or before) the cursor in the list's order, expanded as
 * `a > x or (a = x and b > y) ...` so that mixed directions work.
 */
function beyond(order: readonly OrderColumn[], values: readonly string[], side: 'after' | 'before'): Sql {
  const alternatives = order.map((column, i) => {
    const equalities = order.slice(0, i).map((c, j) => sql`${raw(c.expr)} = ${values[j]}`);
    const ascending = column.direction === 'asc';
    const op = ascending === (side === 'after') ? '>' : '<';
    return and([...equalities, sql`${raw(column.expr)} ${raw(op)} ${values[i]}`]);
  });
  return join(alternatives.map((a) => sql`(${a})`), ' or ');
}

function encodeCursor(query: ListQuery, values: readonly string[]): string {
  return Buffer.from(JSON.stringify([query.key, ...values]), 'utf8').toString('base64url');
}

function decodeCursor(query: ListQuery, cursor: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== query.key ||
    parsed.length !== query.order.length + 1 ||
    !parsed.every((v) => typeof v === 'string')
  ) {
    throw new DomainError('BAD_USER_INPUT', 'The cursor does not belong to this list or order');
  }
  return parsed.slice(1) as string[];
}
