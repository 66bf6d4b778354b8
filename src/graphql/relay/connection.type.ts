import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type';

export interface Edge<T> {
  readonly node: T;
  readonly cursor: string;
}

/** What every connection resolver returns; `totalCount` runs its query only when selected. */
export interface ConnectionShape<T> {
  readonly edges: readonly Edge<T>[];
  readonly nodes: readonly T[];
  readonly pageInfo: PageInfo;
  readonly countTotal: () => Promise<number>;
}

/**
 * Builds the `<Name>Connection` and `<Name>Edge` types for a node type, once per type:
 * `export const UserConnection = Connection(User, 'User');`
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field(() => nodeType)
    node!: T;

    @Field(() => String, { description: 'Opaque keyset cursor of this edge.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    countTotal!: () => Promise<number>;

    @Field(() => Int, { description: 'Items in the whole list, all pages; counted only when asked for.' })
    async totalCount(): Promise<number> {
      return this.countTotal();
    }
  }
  return ConnectionType;
}
