import DataLoader from 'dataloader';
import {
  type ListQuery,
  type Page,
  type PageRequest,
  type Queryable,
  countRowsByParent,
  fetchPagesByParent,
  fetchPagesByParentLateral,
  pageWindow,
} from './keyset';

/**
 * Per-request batching for nested connections (`org.classes(first: 5)` under 50 orgs).
 * Parents that ask for the same list with the same arguments share one DataLoader, so each
 * distinct (field, arguments) pair costs one statement per level, whatever the page size.
 */
export class NestedConnections {
  private readonly pages = new Map<string, DataLoader<string, Page<unknown>>>();
  private readonly counts = new Map<string, DataLoader<string, number>>();

  constructor(
    private readonly db: Queryable,
    private readonly maxPageSize: number,
  ) {}

  /**
   * @param signature identifies the list and everything that shapes it besides the parent and
   *   page arguments (field name, filter and order values), e.g. `JSON.stringify(['Org.classes', filter, order])`.
   * @param strategy `lateral` for lists long per parent and read in index order (see fetchPagesByParentLateral).
   * @param cursors false when the client can read no cursor of the page (relay/cursor-selection.ts).
   */
  page<Row>(
    signature: string,
    query: ListQuery,
    parentExpr: string,
    args: PageRequest,
    parentId: string,
    strategy: 'window' | 'lateral' = 'window',
    cursors = true,
  ): Promise<Page<Row>> {
    const window = pageWindow(query, args, this.maxPageSize, cursors);
    const key = JSON.stringify([signature, args.first ?? null, args.after ?? null, args.last ?? null, args.before ?? null, cursors]);
    let loader = this.pages.get(key);
    if (!loader) {
      loader = new DataLoader<string, Page<unknown>>(async (ids) => {
        const fetch = strategy === 'lateral' ? fetchPagesByParentLateral : fetchPagesByParent;
        const pages = await fetch<unknown>(this.db, query, parentExpr, ids, window);
        return ids.map((id) => pages.get(id) as Page<unknown>);
      });
      this.pages.set(key, loader);
    }
    return loader.load(parentId) as Promise<Page<Row>>;
  }

  count(signature: string, query: ListQuery, parentExpr: string, parentId: string): Promise<number> {
    let loader = this.counts.get(signature);
    if (!loader) {
      loader = new DataLoader<string, number>(async (ids) => {
        const counts = await countRowsByParent(this.db, query, parentExpr, ids);
        return ids.map((id) => counts.get(id) ?? 0);
      });
      this.counts.set(signature, loader);
    }
    return loader.load(parentId);
  }
}
