/**
 * What turning statements into learning records costs, against yardsticks measured in the same
 * run on the same database:
 * - storing batches of 50 statements (StatementStore, as POST /statements does) with the
 *   pending-list trigger on, against the trigger off (rounds alternate, so drift hits both);
 * - projecting the stored statements into records (identity matching, items, records) in
 *   batches of 2,000, against storing them.
 * Not a test: it prints figures to record. Env: BENCH_ROUNDS (10), BENCH_BATCHES (10 per round and variant), BENCH_USERS (2000).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createIdentity } from '../src/app/identity';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { createLogger } from '../src/shared/logger';
import { StatementStore } from '../src/xapi/statements/statement-store';
import { projectPendingStatements } from '../src/xapi/records';
import { RosterFactory } from '../test/factories/roster.factory';

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const out = (line: string): void => void process.stdout.write(`${line}\n`);
const BATCH = 50;
const VERBS = ['completed', 'passed', 'failed', 'attended', 'experienced', 'answered'];

async function main(): Promise<void> {
  const rounds = num('BENCH_ROUNDS', 10);
  const batches = num('BENCH_BATCHES', 10);
  const users = num('BENCH_USERS', 2000);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-bench-xapi-'));
  chmodSync(tmp, 0o711); // embedded Postgres runs as `postgres` when we are root
  const quiet = createLogger('warn', 'bench');
  const pg = await startEmbeddedPostgres(path.join(tmp, 'data'), quiet);
  const db = createDataSource(pg.url, quiet);
  try {
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    const f = new RosterFactory(db);
    const people = await f.users(users, (i) => ({ username: `u${i}`, email: `u${i}@example.org` }));
    await f.identifiers(people.map((p, i) => ({ userId: p.id, kind: 'email', value: `u${i}@example.org` })));
    await db.query('analyze');
    const store = new StatementStore(db);
    const author = { credentialId: '1', keyId: 'bench' };
    let n = 0;
    const batch = (): Record<string, unknown>[] =>
      Array.from({ length: BATCH }, () => {
        n++;
        // Some actors no user has (they wait unmatched), as in real traffic.
        const who = n % 10 === 0 ? `stranger${n % 500}@example.org` : `u${n % users}@example.org`;
        return {
          actor: { mbox: `mailto:${who}` },
          verb: { id: `http://adlnet.gov/expapi/verbs/${VERBS[n % VERBS.length]}`, display: { 'en-US': VERBS[n % VERBS.length] } },
          object: { objectType: 'Activity', id: `https://courses.example.org/c${n % 200}`, definition: { name: { 'en-US': `Course ${n % 200}` } } },
          result: { score: { scaled: (n % 100) / 100 } },
          timestamp: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
        };
      });
    const time = { on: 0, off: 0 };
    let stored = 0;
    for (let r = 0; r < rounds; r++) {
      for (const variant of ['off', 'on'] as const) {
        await db.query(`alter table xapi_statement ${variant === 'on' ? 'enable' : 'disable'} trigger xapi_record_pending_enqueue`);
        const t = performance.now();
        for (let b = 0; b < batches; b++) await store.store(batch(), author, '1.0.3');
        time[variant] += performance.now() - t;
        stored += batches * BATCH;
      }
    }
    await db.query(`alter table xapi_statement enable trigger xapi_record_pending_enqueue`);
    const perVariant = rounds * batches * BATCH;
    const rate = (ms: number): number => Math.round(perVariant / (ms / 1000));
    out(`stored ${stored} statements in batches of ${BATCH}: ${rate(time.off)}/s without the trigger, ${rate(time.on)}/s with it (ratio ${(time.on / time.off).toFixed(2)})`);

    const pending = Number(((await db.query('select count(*)::int as n from xapi_record_pending')) as { n: number }[])[0]?.n);
    const identity = createIdentity(db);
    const t = performance.now();
    let records = 0;
    for (;;) {
      const outcome = await db.transaction((tx) => projectPendingStatements(tx, identity, 2_000));
      records += outcome.records;
      if (outcome.statements === 0) break;
    }
    const ms = performance.now() - t;
    const projected = Math.round(pending / (ms / 1000));
    out(`projected ${pending} pending statements into ${records} records in ${Math.round(ms)} ms: ${projected}/s, ${(projected / rate(time.on)).toFixed(2)}x the store rate`);
  } finally {
    await db.destroy();
    await pg.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
