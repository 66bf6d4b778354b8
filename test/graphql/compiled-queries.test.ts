import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  buildSchema,
  GraphQLError,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { type CompiledQueryStats, compiledQueriesPlugin } from '../../src/graphql/compiled-queries';

/** A small schema with what the real one has: an interface, a list, arguments, a mutation and errors. */
function testSchema(calls: { items: number; mutations: number }): GraphQLSchema {
  const schema = buildSchema(`
    interface Entry { id: ID! title: String! }
    type Course implements Entry { id: ID! title: String! hours: Int }
    type Quiz implements Entry { id: ID! title: String! score: Float }
    type Query { entries(first: Int!): [Entry!]! failing(code: String!): String echo(text: String!): String! }
    type Mutation { touch: Int! }`);
  (schema.getType('Entry') as GraphQLInterfaceType).resolveType = (value) => (value as { kind: string }).kind;
  const query = (schema.getType('Query') as GraphQLObjectType).getFields();
  (query['entries'] as GraphQLField<unknown, unknown>).resolve = (_root, args) => {
    calls.items++;
    return Array.from({ length: Number(args['first']) }, (_, i) =>
      i % 2 === 0 ? { kind: 'Course', id: String(i), title: `Course ${i}`, hours: i } : { kind: 'Quiz', id: String(i), title: `Quiz ${i}`, score: i / 2 },
    );
  };
  (query['failing'] as GraphQLField<unknown, unknown>).resolve = (_root, args) => {
    throw new GraphQLError(`refused with ${String(args['code'])}`, { extensions: { code: args['code'] } });
  };
  (query['echo'] as GraphQLField<unknown, unknown>).resolve = (_root, args) => String(args['text']);
  ((schema.getType('Mutation') as GraphQLObjectType).getFields()['touch'] as GraphQLField<unknown, unknown>).resolve = () => ++calls.mutations;
  return schema;
}

async function server(withPlugin: boolean) {
  const calls = { items: 0, mutations: 0 };
  const stats: CompiledQueryStats = { compiled: 0, served: 0, fellBack: 0 };
  const schema = testSchema(calls);
  const apollo = new ApolloServer({
    schema,
    // The app's formatter stands in: a compiled path that skipped it would show here.
    formatError: (formatted: GraphQLFormattedError) => ({ ...formatted, message: `formatted: ${formatted.message}` }),
    plugins: withPlugin ? [compiledQueriesPlugin(schema, stats)] : [],
  });
  await apollo.start();
  const run = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const http = { method: 'POST', headers: new HeaderMap(Object.entries(headers)), search: '', body: null };
    const response = await apollo.executeOperation({ query, variables, http });
    assert.equal(response.body.kind, 'single');
    // As a client reads it: graphql-js builds null-prototype objects, compiled code plain ones.
    return response.body.kind === 'single' ? (JSON.parse(JSON.stringify(response.body.singleResult)) as typeof response.body.singleResult) : undefined;
  };
  return { apollo, run, stats, calls };
}

const PAGE = 'query Page($n: Int!) { entries(first: $n) { __typename id title ... on Course { hours } ... on Quiz { score } } }';

describe('compiled queries', () => {
  it('answers a document from compiled code from its third run on, with the same data graphql-js gives', async () => {
    const plain = await server(false);
    const compiled = await server(true);
    const expected = await plain.run(PAGE, { n: 7 });
    for (let i = 1; i <= 5; i++) assert.deepEqual(await compiled.run(PAGE, { n: 7 }), expected, `run ${i}`);
    assert.deepEqual(compiled.stats, { compiled: 1, served: 3, fellBack: 0 });
    assert.equal(compiled.calls.items, 5, 'each run resolved once');
    await Promise.all([plain.apollo.stop(), compiled.apollo.stop()]);
  });

  it('sends a run with errors back through graphql-js, so errors are formatted as always, and gives the document up after three', async () => {
    const plain = await server(false);
    const compiled = await server(true);
    const failing = 'query Failing($c: String!) { failing(code: $c) }';
    const expected = await plain.run(failing, { c: 'NOPE' });
    assert.equal(expected?.errors?.[0]?.message, 'formatted: refused with NOPE');
    for (let i = 1; i <= 7; i++) assert.deepEqual(await compiled.run(failing, { c: 'NOPE' }), expected, `run ${i}`);
    // Runs 3, 4 and 5 were compiled and fell back; after that graphql-js alone runs it.
    assert.deepEqual(compiled.stats, { compiled: 1, served: 0, fellBack: 3 });
    await Promise.all([plain.apollo.stop(), compiled.apollo.stop()]);
  });

  it('keeps serving a document compiled once it has succeeded, falling back only for the runs with errors', async () => {
    const compiled = await server(true);
    const mixed = 'query Mixed($n: Int!, $fail: Boolean!) { entries(first: $n) { id } failing(code: "X") @include(if: $fail) }';
    for (let i = 0; i < 3; i++) await compiled.run(mixed, { n: 2, fail: false });
    const failed = await compiled.run(mixed, { n: 2, fail: true });
    assert.equal(failed?.errors?.[0]?.message, 'formatted: refused with X');
    for (let i = 0; i < 4; i++) await compiled.run(mixed, { n: 2, fail: true });
    const ok = await compiled.run(mixed, { n: 3, fail: false });
    assert.deepEqual(ok?.data, { entries: [{ id: '0' }, { id: '1' }, { id: '2' }] });
    assert.deepEqual(compiled.stats, { compiled: 1, served: 2, fellBack: 5 });
    await compiled.apollo.stop();
  });

  it('treats literals and aliases in a compiled document as data, never as code', async () => {
    const plain = await server(false);
    const compiled = await server(true);
    const hostile = String.raw`"); process.exit(1); ("`;
    const document = `{ a: echo(text: ${JSON.stringify(hostile)}) b: echo(text: "\\\" \u0000 \${x} */ //") __proto__: echo(text: "p") constructor: echo(text: "c") }`;
    const expected = await plain.run(document);
    assert.equal(expected?.errors, undefined);
    for (let i = 1; i <= 4; i++) assert.deepEqual(await compiled.run(document), expected, `run ${i}`);
    assert.equal(compiled.stats.served, 2);
    await Promise.all([plain.apollo.stop(), compiled.apollo.stop()]);
  });

  it('never compiles mutations or requests that ask for a federation trace', async () => {
    const compiled = await server(true);
    for (let i = 0; i < 5; i++) await compiled.run('mutation { touch }');
    assert.equal(compiled.calls.mutations, 5, 'each mutation ran exactly once');
    for (let i = 0; i < 5; i++) await compiled.run(PAGE, { n: 1 }, { 'apollo-federation-include-trace': 'ftv1' });
    assert.deepEqual(compiled.stats, { compiled: 0, served: 0, fellBack: 0 });
    await compiled.apollo.stop();
  });
});
