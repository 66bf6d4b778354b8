import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Every column of the timeline relation (history.query.ts). */
export const ALL_TIMELINE_COLUMNS = 'h.*';

/** Read for every entry whatever is selected: its kind (its type), its id, and where it sits. */
const ALWAYS = ['entry_kind', 'id', 'occurred_at'] as const;

/**
 * The columns that plain fields of a timeline entry are mapped from (history.mapper.ts,
 * entry-fields.ts). A field not listed here (a kind's own fields, read from `details`, or a
 * field with a resolver of its own) makes the page read every column.
 */
const COLUMNS_OF_FIELD: ReadonlyMap<string, readonly string[]> = new Map([
  ['__typename', []],
  ['id', []],
  ['kind', []],
  ['occurredAt', []],
  ['title', ['title']],
  ['status', ['status']],
  ['statusText', ['status_text']],
  ['source', ['system']],
  ['score', ['score']],
  ['completedAt', ['completed_at']],
  ['validUntil', ['valid_until']],
  ['attempt', ['attempt']],
]);

/** Connection fields that read no entry column. */
const CONNECTION_ONLY = new Set(['__typename', 'pageInfo', 'totalCount', 'cursor']);

const byFieldNode = new WeakMap<object, string>();

/**
 * What a timeline page must select for the entries a client asked for: a page of the
 * compliance screen shows four fields of ten entries of twenty users, and reading (and
 * decoding) the fifteen columns of each, `details` JSON included, was most of what the page
 * cost the server beyond GraphQL itself. Entries mapped from fewer columns leave the other
 * fields undefined; none of them is selected, so none is read. Known per field node of a
 * parsed document, which Apollo keeps while the document is in use.
 */
export function timelineColumns(info: GraphQLResolveInfo): string {
  const key = info.fieldNodes[0];
  if (!key) return ALL_TIMELINE_COLUMNS;
  let columns = byFieldNode.get(key);
  if (columns === undefined) {
    const needed = new Set<string>(ALWAYS);
    let all = false;
    const entries = (set: SelectionSetNode | undefined, seen: Set<string>): void => {
      for (const selection of set?.selections ?? []) {
        if (all) return;
        if (selection.kind === 'InlineFragment') entries(selection.selectionSet, seen);
        else if (selection.kind === 'FragmentSpread') fragment(info.fragments[selection.name.value], seen, entries);
        else {
          const mapped = selection.selectionSet ? undefined : COLUMNS_OF_FIELD.get(selection.name.value);
          if (mapped === undefined) all = true;
          else for (const column of mapped) needed.add(column);
        }
      }
    };
    const connection = (set: SelectionSetNode | undefined, seen: Set<string>): void => {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === 'InlineFragment') connection(selection.selectionSet, seen);
        else if (selection.kind === 'FragmentSpread') fragment(info.fragments[selection.name.value], seen, connection);
        else if (selection.name.value === 'nodes' || selection.name.value === 'node') entries(selection.selectionSet, seen);
        else if (selection.name.value === 'edges') connection(selection.selectionSet, seen);
        else if (!CONNECTION_ONLY.has(selection.name.value)) all = true;
      }
    };
    for (const node of info.fieldNodes) connection(node.selectionSet, new Set());
    columns = all ? ALL_TIMELINE_COLUMNS : [...needed].map((c) => `h.${c}`).join(', ');
    byFieldNode.set(key, columns);
  }
  return columns;
}

/** A named fragment's selections, once per path (a fragment cannot spread itself, but be safe). */
function fragment(
  definition: FragmentDefinitionNode | undefined,
  seen: Set<string>,
  walk: (set: SelectionSetNode | undefined, seen: Set<string>) => void,
): void {
  if (!definition || seen.has(definition.name.value)) return;
  seen.add(definition.name.value);
  walk(definition.selectionSet, seen);
  seen.delete(definition.name.value);
}
