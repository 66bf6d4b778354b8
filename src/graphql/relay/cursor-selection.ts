import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Connection fields that need no cursor; `pageInfo` needs one only for its two cursor fields. */
const WITHOUT_CURSORS = new Set(['__typename', 'nodes', 'totalCount']);
const PAGE_INFO_WITHOUT_CURSORS = new Set(['__typename', 'hasNextPage', 'hasPreviousPage']);

const byFieldNode = new WeakMap<object, boolean>();

/**
 * Whether a client's selection of a connection can read a cursor: `edges` (whose `cursor`
 * may be selected), `pageInfo.startCursor`/`endCursor`, or any field this does not know.
 * A page whose cursors are never read need not select its key columns as text: on a page of
 * fifty history entries that text was a tenth of what Postgres and the server spent on the
 * rows. Known per field node of a parsed document, which Apollo keeps while it is in use.
 */
export function selectsCursors(info: GraphQLResolveInfo): boolean {
  const key = info.fieldNodes[0];
  if (!key) return true;
  let cursors = byFieldNode.get(key);
  if (cursors === undefined) {
    cursors = info.fieldNodes.some((node) => anyCursor(node.selectionSet, info, WITHOUT_CURSORS, new Set()));
    byFieldNode.set(key, cursors);
  }
  return cursors;
}

function anyCursor(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, plain: ReadonlySet<string>, seen: Set<string>): boolean {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'InlineFragment') {
      if (anyCursor(selection.selectionSet, info, plain, seen)) return true;
    } else if (selection.kind === 'FragmentSpread') {
      if (fragmentCursor(info.fragments[selection.name.value], info, plain, seen)) return true;
    } else if (plain === WITHOUT_CURSORS && selection.name.value === 'pageInfo') {
      if (anyCursor(selection.selectionSet, info, PAGE_INFO_WITHOUT_CURSORS, seen)) return true;
    } else if (!plain.has(selection.name.value)) {
      return true;
    }
  }
  return false;
}

/** A named fragment's selections, once per path (a fragment cannot spread itself, but be safe). */
function fragmentCursor(definition: FragmentDefinitionNode | undefined, info: GraphQLResolveInfo, plain: ReadonlySet<string>, seen: Set<string>): boolean {
  if (!definition) return true;
  if (seen.has(definition.name.value)) return false;
  seen.add(definition.name.value);
  const found = anyCursor(definition.selectionSet, info, plain, seen);
  seen.delete(definition.name.value);
  return found;
}
