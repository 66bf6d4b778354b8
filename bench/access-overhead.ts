/**
 * What the access hardening costs per request, each figure a ratio against a yardstick measured
 * in the same run on the same data: scoped keys against an unscoped key (same queries), the
 * rate limiter against limits off, and the key lookup cache against no cache. Not a test: it
 * prints figures to record. Env: BENCH_SCHOOLS (20), BENCH_USERS_PER_SCHOOL (200), BENCH_REQUESTS (60).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRuntime, type Runtime } from '../src/app/runtime';
import { ApiRole } from '../src/auth/role';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createLogger } from '../src/shared/logger';
import { RosterFactory } from '../test/factories/roster.factory';

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const out = (line: string): void => void process.stdout.write(`${line}\n`);

const USERS = `{ users(first: 100) { nodes { givenName roles { role org { name } } classes(first: 5) { nodes { title } } enrollments(first: 5) { totalCount } } } }`;
const CLASSES = `{ classes(first: 50) { nodes { title school { name } enrollments(first: 10) { nodes { user { givenName } } } } } }`;
const TRIVIAL = `{ __typename }`;

async function main(): Promise<void> {
  const schools = num('BENCH_SCHOOLS', 20);
  const perSchool = num('BENCH_USERS_PER_SCHOOL', 200);
  const requests = num('BENCH_REQUESTS', 60);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-bench-access-'));
  chmodSync(tmp, 0o711); // embedded Postgres runs as `postgres` when we are root
  const quiet = createLogger('warn', 'bench');
  const pg = await startEmbeddedPostgres(path.join(tmp, 'data'), quiet);
  const runtimes: Runtime[] = [];
  const db = createDataSource(pg.url, quiet);
  try {
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    const database = { dataSource: db, url: pg.url, embedded: false, close: async () => {} };
    const start = async (env: Record<string, string>): Promise<Runtime> => {
      const config = loadConfig({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: pg.url, LOG_LEVEL: 'error', SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'), ...env });
      const runtime = await startRuntime(config, createLogger('error', 'bench'), { http: true, workerConcurrency: 0, database });
      runtimes.push(runtime);
      return runtime;
    };

    const t0 = performance.now();
    const f = new RosterFactory(db);
    const district = await f.org({ name: 'District', type: 'district' });
    const schoolRows = await f.orgs(schools, (i) => ({ name: `School ${i}`, type: 'school', parentId: district.id }));
    const courses = await f.courses(schools, (i) => ({ title: `Course ${i}`, orgId: schoolRows[i]!.id }));
    const classes = await f.classes(schools * 10, (i) => ({ title: `Class ${i}`, courseId: courses[Math.floor(i / 10)]!.id, schoolId: schoolRows[Math.floor(i / 10)]!.id }));
    const users = await f.users(schools * perSchool, (i) => ({ givenName: `G${i}`, familyName: `F${i % 997}` }));
    await f.roles(users.map((u, i) => ({ userId: u.id, orgId: schoolRows[Math.floor(i / perSchool)]!.id })));
    await f.enrollments(users.length * 3, (j) => {
      const i = Math.floor(j / 3);
      const school = Math.floor(i / perSchool);
      return { userId: users[i]!.id, classId: classes[school * 10 + ((i + j) % 10)]!.id, schoolId: schoolRows[school]!.id };
    });
    await db.query('analyze');
    out(`seeded ${schools} schools, ${users.length} users, ${classes.length} classes, ${users.length * 3} enrollments in ${Math.round(performance.now() - t0)} ms`);

    const main = await start({});
    const limitsOff = await start({ RATE_LIMIT_POINTS: '0' });
    const cacheOff = await start({ API_KEY_CACHE_SECONDS: '0' });
    const keys = main.services.apiKeys;
    const unscoped = (await keys.create('all', ApiRole.READER)).key;
    const school = (await keys.create('one school', ApiRole.READER, schoolRows[0]!.id)).key;
    const wholeDistrict = (await keys.create('district', ApiRole.READER, district.id)).key;

    const send = async (url: string, key: string, query: string): Promise<number> => {
      const t = performance.now();
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return performance.now() - t;
    };
    /** Medians of variants measured in turn (a, b, c, a, b, c, ...), so drift on a shared machine hits all alike. */
    const medians = async (variants: readonly (readonly [string, string, string])[]): Promise<number[]> => {
      for (let i = 0; i < 5; i++) for (const [url, key, query] of variants) await send(url, key, query);
      const times: number[][] = variants.map(() => []);
      for (let i = 0; i < requests; i++) for (const [v, [url, key, query]] of variants.entries()) times[v]!.push(await send(url, key, query));
      return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
    };
    const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;
    const url = main.http!.url;

    for (const [name, query] of [
      ['users(first: 100) with roles, classes, enrollment counts', USERS],
      ['classes(first: 50) with school and 10 enrollments each', CLASSES],
    ] as const) {
      const [base, one, all] = (await medians([[url, unscoped, query], [url, school, query], [url, wholeDistrict, query]])) as [number, number, number];
      out(`${name}: unscoped ${fmt(base)} (yardstick); one-school key ${fmt(one)} = ${(one / base).toFixed(2)}x; district key (${schools} schools) ${fmt(all)} = ${(all / base).toFixed(2)}x`);
    }
    const [off, on, uncached] = (await medians([[limitsOff.http!.url, unscoped, TRIVIAL], [url, unscoped, TRIVIAL], [cacheOff.http!.url, unscoped, TRIVIAL]])) as [number, number, number];
    out(`{ __typename }: rate limits off ${fmt(off)} (yardstick); on (Postgres store) ${fmt(on)} = ${(on / off).toFixed(2)}x`);
    out(`{ __typename }: key lookup uncached (limits on) ${fmt(uncached)} (yardstick); cached ${fmt(on)} = ${(on / uncached).toFixed(2)}x`);
    out(`per figure: median of ${requests} sequential requests, variants interleaved, after 5 warm-up rounds`);
  } finally {
    for (const r of runtimes.reverse()) await r.close();
    if (db.isInitialized) await db.destroy();
    await pg.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
