import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { ApiRole } from '../../src/auth/role';
import { RosterFactory } from '../factories/roster.factory';
import { gid, ok } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';

/** Another team's subgraph: badges awarded to learners it knows by their SIS sourcedId, by an org it knows by id. */
const BADGES_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type User @key(fields: "sourcedId") { sourcedId: String! badges: [Badge!]! }
  type Org @key(fields: "id", resolvable: false) { id: ID! }
  type Badge { name: String! awardedBy: Org! }
  type Query { badgeHolders: [User!]! }
`;

interface GatewayContext {
  readonly authorization: string;
}

describe('federation: a supergraph of learngraph and another subgraph, through @apollo/gateway', () => {
  let app: TestApp;
  let badges: { url: string; stop: () => Promise<void> };
  let gateway: { url: string; stop: () => Promise<void> };
  const learners: { sourcedId: string; givenName: string }[] = [];
  let schoolId = '';

  const query = async (document: string, key: string): Promise<{ data?: unknown; errors?: { message: string }[] }> => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: document }),
    });
    return (await res.json()) as { data?: unknown; errors?: { message: string }[] };
  };

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    const f = new RosterFactory(app.db.dataSource);
    const school = await f.org({ name: 'Hill School' });
    schoolId = gid('Org', school.id);
    for (const user of await f.users(3, (i) => ({ givenName: `Learner ${i}`, familyName: `F${i}` }))) {
      learners.push({ sourcedId: user.sourcedId, givenName: user.givenName });
    }

    const awarded = new Map(learners.map((l, i) => [l.sourcedId, [{ name: `Badge ${i}`, awardedBy: { id: schoolId } }]]));
    const badgesServer = new ApolloServer({
      plugins: [ApolloServerPluginInlineTraceDisabled()],
      schema: buildSubgraphSchema([
        {
          typeDefs: parse(BADGES_SDL),
          resolvers: {
            Query: { badgeHolders: () => learners.map(({ sourcedId }) => ({ sourcedId })) },
            User: {
              __resolveReference: (ref: { sourcedId: string }) => ref,
              badges: (user: { sourcedId: string }) => awarded.get(user.sourcedId) ?? [],
            },
          },
        },
      ]),
    });
    const started = await startStandaloneServer(badgesServer, { listen: { host: '127.0.0.1', port: 0 } });
    badges = { url: started.url, stop: () => badgesServer.stop() };

    // What an operator does with rover: read each subgraph's SDL and compose the supergraph.
    const service = ok(await app.gql<{ _service: { sdl: string } }, unknown>('{ _service { sdl } }', {}, { role: ApiRole.READER }));
    const composed = composeServices([
      { name: 'learngraph', typeDefs: parse(service._service.sdl), url: `${app.url}/graphql` },
      { name: 'badges', typeDefs: parse(BADGES_SDL), url: badges.url },
    ]);
    assert.deepEqual(composed.errors ?? [], []);
    assert.ok(composed.supergraphSdl);

    const gatewayServer = new ApolloServer<GatewayContext>({
      gateway: new ApolloGateway({
        supergraphSdl: composed.supergraphSdl,
        // learngraph needs the caller's API key: the gateway passes it on.
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource<GatewayContext>({
            url,
            willSendRequest: ({ request, context }) => {
              if (context.authorization) request.http?.headers.set('authorization', context.authorization);
            },
          }),
      }),
    });
    const gatewayStarted = await startStandaloneServer(gatewayServer, {
      listen: { host: '127.0.0.1', port: 0 },
      context: async ({ req }) => ({ authorization: req.headers.authorization ?? '' }),
    });
    gateway = { url: gatewayStarted.url, stop: () => gatewayServer.stop() };
  });
  after(async () => {
    await gateway?.stop();
    await badges?.stop();
    await app?.close();
  });

  it('extends our users with the other subgraph’s badges', async () => {
    const res = await query('{ users(first: 10, orderBy: FAMILY_NAME_ASC) { nodes { givenName sourcedId badges { name } } } }', app.keys.reader);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.deepEqual(
      (res.data as { users: { nodes: unknown[] } }).users.nodes,
      learners.map((l, i) => ({ givenName: l.givenName, sourcedId: l.sourcedId, badges: [{ name: `Badge ${i}` }] })),
    );
  });

  it('resolves the other subgraph’s references to our users (by sourcedId) and orgs (by id) through _entities', async () => {
    const res = await query('{ badgeHolders { givenName badges { name awardedBy { id name } } } }', app.keys.reader);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.deepEqual(
      (res.data as { badgeHolders: unknown[] }).badgeHolders,
      learners.map((l, i) => ({ givenName: l.givenName, badges: [{ name: `Badge ${i}`, awardedBy: { id: schoolId, name: 'Hill School' } }] })),
    );
  });

  it('keeps our data behind an API key when asked through the gateway', async () => {
    const res = await query('{ badgeHolders { givenName } }', 'lg_not-a-key');
    assert.ok(res.errors?.length, 'expected an error');
    assert.equal(JSON.stringify(res.data ?? {}).includes('Learner'), false);
  });
});
