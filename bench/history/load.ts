import { createRequire } from 'node:module';
import path from 'node:path';
import type pg from 'pg';

/** The part of autocannon's result the bench reads (autocannon lives in the bench-only folder). */
interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

export interface LoadFigures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
  /** CPU milliseconds per request of the server process and of Postgres, when a CPU reader was given. */
  readonly cpu?: { readonly server: number; readonly postgres: number };
}

/** CPU seconds used so far by the server process and by the Postgres cluster (bench/postgres-cpu.ts). */
export interface CpuReader {
  server(): number;
  postgres(): number;
}

export interface LoadTarget {
  readonly url: string;
  readonly query: string;
  readonly vars: (n: number) => Record<string, unknown>;
  readonly headers: Record<string, string>;
}

export function loadAutocannon(pglDir: string): Autocannon {
  return createRequire(path.join(pglDir, 'package.json'))('autocannon') as Autocannon;
}

/** One timed run on 127.0.0.1 (after a warm-up of its own); each request asks for another learner or org. */
export async function measure(autocannon: Autocannon, target: LoadTarget, seconds: number, connections: number, cpu?: CpuReader): Promise<LoadFigures> {
  let n = 0;
  const options = (duration: number): Record<string, unknown> => ({
    url: target.url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...target.headers },
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ query: target.query, variables: target.vars(n++) }) }) }],
  });
  await autocannon(options(3));
  const before = cpu && { server: cpu.server(), postgres: cpu.postgres() };
  const result = await autocannon(options(seconds));
  const figures = { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors };
  if (!cpu || !before || result.requests.total === 0) return figures;
  // Per request, so that a busy machine (which stretches wall time) shifts these far less than req/s.
  const per = (now: number, then: number): number => ((now - then) * 1000) / result.requests.total;
  return { ...figures, cpu: { server: per(cpu.server(), before.server), postgres: per(cpu.postgres(), before.postgres) } };
}

/** Sends one request and returns its JSON, failing on GraphQL errors. */
export async function once(target: LoadTarget, extraHeaders: Record<string, string> = {}, n = 0): Promise<{ data: unknown; extensions?: Record<string, unknown> }> {
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers, ...extraHeaders },
    body: JSON.stringify({ query: target.query, variables: target.vars(n) }),
  });
  const body = (await res.json()) as { data: unknown; errors?: unknown; extensions?: Record<string, unknown> };
  if (body.errors) throw new Error(`${target.url}: ${JSON.stringify(body.errors).slice(0, 1000)}`);
  return body;
}

/**
 * SQL statements per request as Postgres saw them (pg_stat_statements, by the server's login
 * role), the same measure for both servers: `requests` sequential requests, then the calls.
 */
export async function statementsPerRequest(admin: pg.Client, target: LoadTarget, role: string, requests = 20): Promise<number> {
  await admin.query('select pg_stat_statements_reset()');
  for (let i = 0; i < requests; i++) await once(target, {}, i + 1);
  const rows = await admin.query<{ calls: string | null }>(
    `select sum(s.calls) as calls from pg_stat_statements s join pg_roles r on r.oid = s.userid
      where r.rolname = $1 and s.query not ilike '%pgboss%' and s.query not ilike '%pg_stat_statements%'
        and s.query not ilike '%typeorm_migrations%' and s.query not ilike 'listen %'`,
    [role],
  );
  return Number(rows.rows[0]?.calls ?? 0) / requests;
}
