/**
 * What the typed EdReflect graph costs per request, read straight from the row store, each
 * figure a ratio against a yardstick measured in the same run: the same users fetched without
 * any EdReflect field. Also prints the plan of a user's observations lookup, to show it goes
 * through the partial expression index rather than the whole table. Not a test: it prints
 * figures to record. Env: BENCH_EDREFLECT_USERS (1000), BENCH_OBSERVATIONS_PER_USER (10),
 * BENCH_REQUESTS (40). Run: `npx tsc -p . && node dist/bench/edreflect-graph.js`.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRuntime, type Runtime } from '../src/app/runtime';
import { ApiRole } from '../src/auth/role';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { toGlobalId } from '../src/graphql/relay/global-id';
import { createLogger } from '../src/shared/logger';
import { RosterFactory } from '../test/factories/roster.factory';

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const out = (line: string): void => void process.stdout.write(`${line}\n`);

const onUsers = (fields: string): string => `query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { username ${fields} } } }`;
const YARDSTICK = onUsers('');
const OBSERVATIONS = onUsers('edReflectObservations(first: 10) { nodes { name observedAt score } }');
const GOALS_WITH_WORK = onUsers('edReflectGoals(first: 5) { nodes { name comments(first: 5) { nodes { edReflectId } } } }');
const HISTORY = onUsers('learningHistory(first: 20) { nodes { kind title occurredAt } }');

async function main(): Promise<void> {
  const users = num('BENCH_EDREFLECT_USERS', 1000);
  const perUser = num('BENCH_OBSERVATIONS_PER_USER', 10);
  const requests = num('BENCH_REQUESTS', 40);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-bench-edreflect-'));
  chmodSync(tmp, 0o711); // embedded Postgres runs as `postgres` when we are root
  const quiet = createLogger('warn', 'bench');
  const pg = await startEmbeddedPostgres(path.join(tmp, 'data'), quiet);
  const db = createDataSource(pg.url, quiet);
  let runtime: Runtime | undefined;
  try {
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    const t0 = performance.now();
    const roster = await new RosterFactory(db).users(users, (i) => ({ givenName: `G${i}`, familyName: `F${i}` }));
    const ids = roster.map((u) => u.id);
    // EdReflect users u<i> matched to roster user i; observation j is of u<j % n> by u<(j+1) % n>;
    // each goal has two comments; every observation has two work rows (store noise).
    await db.query(
      `insert into external_person (system, person_key, values, account_id, rules, user_id, status, method)
       select 'edreflect:default', 'account:u' || i, jsonb_build_object('id', 'u' || i), 'u' || i, '[]', ($1::bigint[])[i + 1], 'MATCHED', 'IDENTIFIER'
         from generate_series(0, $2::int - 1) i`,
      [ids, users],
    );
    const row = (table: string, id: string, root: string, values: string, n: string): string =>
      `insert into edreflect_row (system, group_name, table_name, row_id, root_id, parent_id, "values", file, line, job_id)
       select 'default', split_part('${table}', '.', 1), '${table}', ${id}, ${root}, ${root}, ${values}, '${table}.csv', i + 2, 0 from generate_series(0, ${n} - 1) i`;
    await db.query(row('users', `'u' || i`, `'u' || i`, `jsonb_build_object('id', 'u' || i, 'email', 'u' || i || '@example.org')`, '$1::int'), [users]);
    await db.query(
      row('observations', `'o' || i`, `'o' || i`, `jsonb_build_object('id', 'o' || i, 'name', 'Observation ' || i, 'learnerId', 'u' || (i % $1::int), 'observerId', 'u' || ((i + 1) % $1::int),
          'observedAt', to_char(timestamptz '2024-01-01' + make_interval(hours => i), 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'score', (i % 4)::text, 'isPublished', 'true')`, '$1::int * $2::int'),
      [users, perUser],
    );
    await db.query(row('observations.work', `'w' || i`, `'o' || (i / 2)`, `jsonb_build_object('id', 'w' || i, 'observationId', 'o' || (i / 2))`, '$1::int * $2::int * 2'), [users, perUser]);
    await db.query(
      row('goals', `'g' || i`, `'g' || i`, `jsonb_build_object('id', 'g' || i, 'title', 'Goal ' || i, 'ownerId', 'u' || (i % $1::int), 'createdAt', '2024-02-01T00:00:00Z', 'progress', '50')`, '$1::int * 3'),
      [users],
    );
    await db.query(row('goals.comments', `'c' || i`, `'g' || (i / 2)`, `jsonb_build_object('id', 'c' || i, 'goalId', 'g' || (i / 2))`, '$1::int * 6'), [users]);
    await db.query('analyze');
    const [{ n }] = (await db.query(`select count(*)::int as n from edreflect_row`)) as [{ n: number }];
    out(`seeded ${users} roster users matched to EdReflect users, ${n} EdReflect rows (${users * perUser} observations) in ${Math.round(performance.now() - t0)} ms`);

    for (const n of [1, 50]) {
      const plan = (await db.query(
        `explain (costs off) select r.id from external_person p
           join edreflect_row r on p.system like 'edreflect:%' and r.system = substr(p.system, 11) and r.table_name = 'observations' and (r."values" ->> 'learnerId') = p.account_id
          where p.user_id = any($1::bigint[])`,
        [ids.slice(0, n)],
      )) as { 'QUERY PLAN': string }[];
      out(`plan of ${n} users' observations:\n  ${plan.map((p) => p['QUERY PLAN'].slice(0, 160)).join('\n  ')}`);
    }

    const database = { dataSource: db, url: pg.url, embedded: false, close: async () => {} };
    const config = loadConfig({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: pg.url, LOG_LEVEL: 'error', SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') });
    runtime = await startRuntime(config, createLogger('error', 'bench'), { http: true, workerConcurrency: 0, database });
    const key = (await runtime.services.apiKeys.create('bench', ApiRole.READER)).key;
    const url = runtime.http!.url;
    const page = { ids: ids.slice(0, 50).map((id) => toGlobalId('User', id)) };

    const send = async (query: string): Promise<number> => {
      const t = performance.now();
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables: page }) });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return performance.now() - t;
    };
    const variants = [YARDSTICK, OBSERVATIONS, GOALS_WITH_WORK, HISTORY];
    for (let i = 0; i < 5; i++) for (const q of variants) await send(q);
    const times: number[][] = variants.map(() => []);
    for (let i = 0; i < requests; i++) for (const [v, q] of variants.entries()) times[v]!.push(await send(q));
    const [base, obs, goals, history] = times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!) as [number, number, number, number];
    const fmt = (ms: number): string => `${ms.toFixed(2)} ms = ${(ms / base).toFixed(2)}x`;
    out(`50 users by id (yardstick): ${base.toFixed(2)} ms`);
    out(`  + 10 observations each: ${fmt(obs)}`);
    out(`  + 5 goals with 5 comments each: ${fmt(goals)}`);
    out(`  + learning history (20 entries; observations and goals from the row store): ${fmt(history)}`);
    out(`per figure: median of ${requests} sequential requests, variants interleaved, after 5 warm-up rounds`);
  } finally {
    await runtime?.close();
    if (db.isInitialized) await db.destroy();
    await pg.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
