import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { ALL_TIMELINE_COLUMNS, timelineColumns } from '../../src/records/history/timeline-columns';

/** The resolve info of the first `learningHistory` field of a document: only fieldNodes and fragments are read. */
function historyInfo(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of parsed.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const find = (node: { selectionSet?: { selections: readonly unknown[] } }): FieldNode | undefined => {
    for (const selection of (node.selectionSet?.selections ?? []) as (FieldNode & { kind: string })[]) {
      if (selection.kind === Kind.FIELD && selection.name.value === 'learningHistory') return selection;
      const inner = find(selection);
      if (inner) return inner;
    }
    return undefined;
  };
  const field = operation && find(operation);
  assert.ok(field, 'the document asks for learningHistory');
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

describe('timeline columns: a page reads what its selection needs', () => {
  it('reads only the columns of the plain fields selected, through fragments and edges too', () => {
    const columns = timelineColumns(
      historyInfo(`query { users { nodes { learningHistory(first: 10) {
        totalCount pageInfo { hasNextPage } edges { cursor node { ...Row } }
        nodes { __typename ... on LearningHistoryEntry { validUntil } } } } } }
        fragment Row on LearningHistoryEntry { title status }`),
    );
    assert.equal(columns, 'h.entry_kind, h.id, h.occurred_at, h.title, h.status, h.valid_until');
  });

  it('reads every column when a kind’s own field or a field with a resolver is selected', () => {
    assert.equal(timelineColumns(historyInfo(`{ node(id: "x") { ... on User { learningHistory { nodes { title ... on ScormAttempt { scoName } } } } } }`)), ALL_TIMELINE_COLUMNS);
    assert.equal(timelineColumns(historyInfo(`{ node(id: "x") { ... on User { learningHistory { nodes { title ... on LearningRecord { item { name } } } } } } }`)), ALL_TIMELINE_COLUMNS);
    assert.equal(timelineColumns(historyInfo(`{ node(id: "x") { ... on User { learningHistory { nodes { ... on EnrollmentHistoryEntry { role } } } } } }`)), ALL_TIMELINE_COLUMNS);
  });
});
