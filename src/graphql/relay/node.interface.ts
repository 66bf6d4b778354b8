import { Field, ID, InterfaceType } from 'type-graphql';

/** The symbol under which a loaded record carries its GraphQL type name. */
export const NODE_TYPE = Symbol.for('learngraph.nodeType');

export interface TaggedNode {
  [NODE_TYPE]?: string;
}

/** Relay's Node: every object with a global id can be refetched through `node(id)`. */
@InterfaceType('Node', {
  resolveType: (value: TaggedNode & { constructor?: { name?: string } }) => value[NODE_TYPE],
  description: 'An object with a globally unique id, refetchable through `node(id)`.',
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique, opaque id.' })
  id!: string;
}

export function tagNode<T extends object>(typeName: string, value: T): T {
  (value as TaggedNode)[NODE_TYPE] = typeName;
  return value;
}
