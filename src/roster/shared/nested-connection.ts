import type { GraphQLResolveInfo } from 'graphql';
import type { ClassType } from 'type-graphql';
import { toConnection } from '../../graphql/relay/connection';
import type { ConnectionShape } from '../../graphql/relay/connection.type';
import type { ListQuery, PageRequest } from '../../graphql/relay/keyset';
import { selectsCursors } from '../../graphql/relay/cursor-selection';
import type { NestedConnections } from '../../graphql/relay/nested-connections';

/** A list under a parent: the list's query and the SQL expression that names the parent's id. */
export interface NestedList {
  /** `Type.field`, part of the batch signature. */
  readonly field: string;
  readonly query: ListQuery;
  /** A bigint SQL expression over the query's FROM clause (trusted text). */
  readonly parentExpr: string;
  /** Everything besides parent and page arguments that shapes the list (criteria, order). */
  readonly shape: unknown;
  /** `lateral` for a list read per parent along an index (see fetchPagesByParentLateral); `window` by default. */
  readonly strategy?: 'window' | 'lateral';
}

/**
 * A nested connection through the request's batched loaders: every parent asking for the same
 * list with the same arguments shares one statement, and `totalCount` another, only if selected.
 * A page whose cursors the client cannot read (the field's `info` tells) is fetched without them.
 */
export async function nestedConnection<Row, T, C extends ConnectionShape<T>>(
  connections: NestedConnections,
  list: NestedList,
  parentId: string,
  args: PageRequest,
  connectionClass: ClassType<C>,
  toNode: (row: Row) => T,
  info: GraphQLResolveInfo,
): Promise<C> {
  const signature = JSON.stringify([list.field, list.shape]);
  const page = await connections.page<Row>(signature, list.query, list.parentExpr, args, parentId, list.strategy, selectsCursors(info));
  return toConnection(connectionClass, page, toNode, () => connections.count(signature, list.query, list.parentExpr, parentId));
}
