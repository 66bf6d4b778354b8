import assert from 'node:assert/strict';
import type { TestApp } from '../support/app';
import { AUTH, ok, statements } from './helpers';

interface PageData {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Runs `between` after every page, so tests can change the list while it is being read. */
export interface WalkOptions {
  readonly size: number;
  readonly between?: (pageNumber: number) => Promise<unknown>;
}

/**
 * Reads a whole root connection page by page (`first`/`after` forwards, `last`/`before`
 * backwards) and returns the node ids in list order. `args` is the rest of the field's
 * arguments as GraphQL text (filter, orderBy).
 */
export async function walk(app: TestApp, field: string, args: string, direction: 'forward' | 'backward', options: WalkOptions): Promise<string[]> {
  const query = `query($first: Int, $after: String, $last: Int, $before: String) {
    page: ${field}(first: $first, after: $after, last: $last, before: $before${args ? `, ${args}` : ''}) {
      edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; ; n++) {
    assert.ok(n < 1_000, 'pagination did not end');
    const variables: Record<string, unknown> = direction === 'forward' ? { first: options.size, after: cursor } : { last: options.size, before: cursor };
    const res = await app.gql<{ page: PageData }, unknown>(query, variables);
    const { page }: { page: PageData } = ok(res);
    assert.equal(statements(res), AUTH + 1, 'one statement per page');
    const pageIds = page.edges.map((e) => e.node.id);
    assert.equal(page.pageInfo.startCursor, page.edges[0]?.cursor ?? null);
    assert.equal(page.pageInfo.endCursor, page.edges.at(-1)?.cursor ?? null);
    if (direction === 'forward') {
      ids.push(...pageIds);
      assert.equal(page.pageInfo.hasPreviousPage, cursor !== null);
      if (!page.pageInfo.hasNextPage) return ids;
      assert.equal(pageIds.length, options.size);
      cursor = page.pageInfo.endCursor;
    } else {
      ids.unshift(...pageIds);
      assert.equal(page.pageInfo.hasNextPage, cursor !== null);
      if (!page.pageInfo.hasPreviousPage) return ids;
      assert.equal(pageIds.length, options.size);
      cursor = page.pageInfo.startCursor;
    }
    await options.between?.(n);
  }
}

/** The ids of a whole list in one page. */
export async function all(app: TestApp, field: string, args: string): Promise<string[]> {
  const query = `{ page: ${field}(first: 500${args ? `, ${args}` : ''}) { nodes { id } pageInfo { hasNextPage } } }`;
  const { page } = ok(await app.gql<{ page: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } }, unknown>(query));
  assert.equal(page.pageInfo.hasNextPage, false);
  return page.nodes.map((n) => n.id);
}
