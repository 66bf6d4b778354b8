import { type ListQuery, type OrderColumn, type Page, type PageRequest, type Queryable, countRows, fetchPage, pageWindow } from '../../graphql/relay/keyset';

/** A page of a root list, with its total counted only when asked for. */
export interface ListResult<Row> {
  readonly page: Page<Row>;
  readonly total: () => Promise<number>;
}

/** One statement for the page (the rows themselves, not ids to load again). */
export async function listPage<Row>(db: Queryable, query: ListQuery, args: PageRequest, maxPageSize: number): Promise<ListResult<Row>> {
  const page = await fetchPage<Row>(db, query, pageWindow(query, args, maxPageSize));
  return { page, total: () => countRows(db, query) };
}

/**
 * Order columns from non-null SQL expressions; the table's id is appended last so that every
 * cursor names exactly one row (ties on names are common).
 */
export function orderOf(alias: string, direction: 'asc' | 'desc', ...exprs: string[]): OrderColumn[] {
  return [...exprs.map((expr) => ({ expr, direction })), { expr: `${alias}.id`, direction }];
}
