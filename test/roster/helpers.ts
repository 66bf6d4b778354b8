import assert from 'node:assert/strict';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import type { GraphQLResponse, TestApp } from '../support/app';

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function ok<T>(res: GraphQLResponse<T>): T {
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  assert.ok(res.data, 'no data');
  return res.data;
}

/** The statement count the server reported for the request. */
export function statements(res: GraphQLResponse<unknown>): number {
  const n = res.extensions?.sqlStatements;
  assert.equal(typeof n, 'number', 'the server did not report sqlStatements');
  return n as number;
}

/** The `extensions.code` of the first error. */
export function errorCode(res: GraphQLResponse<unknown>): unknown {
  return res.errors?.[0]?.extensions?.['code'];
}

export const gid = toGlobalId;

/**
 * What a request pays to look up its API key before any resolver runs. Lookups are cached
 * in-process and the test server's keys are cached from creation, so it is 0 here (it was 1
 * before the cache); counts are still written as `AUTH + n` so that the resolver's own share
 * stays visible.
 */
export const AUTH = 0;

/** A user's agent links both ways and identifiers, as the graph shows them (`kind:value`, sorted). */
export interface UserLinks {
  agents: string[];
  agentFor: string[];
  identifiers: string[];
}

export async function userLinks(app: TestApp, userId: string): Promise<UserLinks> {
  const res = await app.gql<{ node: { agents: { sourcedId: string }[]; agentFor: { sourcedId: string }[]; identifiers: { kind: string; value: string }[] } }, { id: string }>(
    `query($id: ID!) { node(id: $id) { ... on User { agents { sourcedId } agentFor { sourcedId } identifiers { kind value } } } }`,
    { id: gid('User', userId) },
  );
  const node = ok(res).node;
  return { agents: node.agents.map((a) => a.sourcedId), agentFor: node.agentFor.map((a) => a.sourcedId), identifiers: node.identifiers.map((i) => `${i.kind}:${i.value}`).sort() };
}
