import type { ClassType } from 'type-graphql';
import type { ConnectionShape } from './connection.type';
import type { Page } from './keyset';
import { PageInfo } from './page-info.type';

/** Turns a keyset page into a connection object of the given GraphQL class. */
export function toConnection<Row, T, C extends ConnectionShape<T>>(
  connectionClass: ClassType<C> | (abstract new () => C),
  page: Page<Row>,
  toNode: (row: Row) => T,
  countTotal: () => Promise<number>,
): C {
  const nodes = page.rows.map(toNode);
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: page.cursors[0] ?? null,
    endCursor: page.cursors[page.cursors.length - 1] ?? null,
  });
  const connection = Object.create((connectionClass as ClassType<C>).prototype) as C;
  return Object.assign(connection, {
    nodes,
    edges: nodes.map((node, i) => ({ node, cursor: page.cursors[i] as string })),
    pageInfo,
    countTotal,
  });
}
