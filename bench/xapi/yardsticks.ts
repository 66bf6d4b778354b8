import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The floors the LRS is measured against in the same run: the agent query it runs, sent
 * straight through pg; and a raw COPY of the statement JSON into a bare table (no validation,
 * no link rows, no indexes).
 */
export async function selectYardstick(url: string, connections: number, seconds: number, ifi: () => string): Promise<{ rps: number; p50: number; p99: number }> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const sql = `select s.statement from xapi_statement s
    where not s.voided and exists (select 1 from xapi_statement_agent a where a.statement_pk = s.id and a.ifi = $1 and a.usage = any($2))
    order by s.stored desc, s.id desc limit 101`;
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < until) {
      const t = performance.now();
      const rows = (await pool.query(sql, [ifi(), ['actor', 'object']])).rows as { statement: unknown }[];
      // The server serialises what it reads; so does the yardstick.
      JSON.stringify(rows.map((r) => r.statement));
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await pool.end();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

export async function copyYardstick(client: pg.Client, statements: readonly Record<string, unknown>[]): Promise<{ rows: number; perSecond: number }> {
  await client.query('create temporary table bench_copy (statement_id uuid, statement jsonb, stored timestamptz)');
  const stored = new Date().toISOString();
  const lines = statements.map((s) => `${crypto.randomUUID()}\t${JSON.stringify(s).replace(/\\/g, '\\\\')}\t${stored}\n`);
  const t = performance.now();
  await pipeline(Readable.from(lines), client.query(copyFrom('copy bench_copy from stdin')));
  const ms = performance.now() - t;
  await client.query('drop table bench_copy');
  return { rows: statements.length, perSecond: statements.length / (ms / 1000) };
}
