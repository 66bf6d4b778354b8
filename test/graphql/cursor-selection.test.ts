import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { selectsCursors } from '../../src/graphql/relay/cursor-selection';

/** The resolve info of the connection field `list` in `document`, as graphql-js passes it (the parts read here). */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of parsed.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const list = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'list');
  assert.ok(list);
  return { fieldNodes: [list], fragments } as unknown as GraphQLResolveInfo;
}

describe('which connection selections read a cursor', () => {
  it('reads none for nodes, totalCount and the two pageInfo flags, however they are spelled with fragments', () => {
    for (const document of [
      '{ list { nodes { id } } }',
      '{ list { __typename totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage __typename } } }',
      '{ list { ... on Conn { nodes { id } } ...F } } fragment F on Conn { pageInfo { hasNextPage } totalCount }',
      '{ list { nodes { ... on Node { id } } } }',
    ]) {
      assert.equal(selectsCursors(infoOf(document)), false, document);
    }
  });

  it('reads one for edges, either pageInfo cursor, an unknown field or a missing fragment, at any depth of fragments', () => {
    for (const document of [
      '{ list { edges { node { id } } } }',
      '{ list { edges { cursor } } }',
      '{ list { pageInfo { endCursor } } }',
      '{ list { pageInfo { hasNextPage ... on PageInfo { startCursor } } } }',
      '{ list { nodes { id } ...F } } fragment F on Conn { ...G } fragment G on Conn { edges { cursor } }',
      '{ list { nodes { id } pageInfo { ...P } } } fragment P on PageInfo { endCursor }',
      '{ list { somethingNew } }',
      '{ list { ...Missing } }',
    ]) {
      assert.equal(selectsCursors(infoOf(document)), true, document);
    }
  });
});
