import type { ClassType } from 'type-graphql';
import type { ConnectionShape } from './connection.type';
import type { Page } from './keyset';
import { pageInfoOf } from './page-info';

/** Turns a keyset page into a connection object of the given GraphQL class. */
export function toConnection<Row, T, C extends ConnectionShape<T>>(
  connectionClass: ClassType<C> | (abstract new () => C),
  page: Page<Row>,
  toNode: (row: Row) => T,
  countTotal: () => Promise<number>,
): C {
  const nodes = page.rows.map(toNode);
  const connection = Object.create((connectionClass as ClassType<C>).prototype) as C;
  return Object.assign(connection, {
    nodes,
    // A page read without cursors was asked for no edges (relay/cursor-selection.ts).
    edges: page.cursors ? nodes.map((node, i) => new PageEdge(node, page, i)) : NO_EDGES,
    pageInfo: pageInfoOf(page),
    countTotal,
  });
}

const NO_EDGES: readonly never[] = Object.freeze([]);

/** An edge whose cursor is encoded only if a client selects it. */
class PageEdge<T> {
  constructor(
    readonly node: T,
    private readonly page: Page<unknown>,
    private readonly index: number,
  ) {}

  get cursor(): string {
    return this.page.cursorAt(this.index) as string;
  }
}
