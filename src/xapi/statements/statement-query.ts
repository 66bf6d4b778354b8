import type { DataSource } from 'typeorm';
import type { StatementFilter } from './statement-filter';
import type { Json } from './statement-validation';

export interface StatementPage {
  readonly statements: { readonly statement: Json; readonly stored: Date; readonly pk: string }[];
  readonly hasMore: boolean;
}

const DIRECT_AGENT = ['actor', 'object'];
const DIRECT_ACTIVITY = ['object'];

/** One page of non-voided statements matching the filter, in stored order, after a keyset position. */
export async function queryStatements(db: DataSource, filter: StatementFilter, after?: readonly [string, string]): Promise<StatementPage> {
  const where = ['not s.voided'];
  const params: unknown[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  // The non-time filters match a statement, or the statement it targets through a StatementRef
  // (Data §2.5: a voiding statement is found by its target's actor, say), even a voided target.
  const match = (t: string): string[] => {
    const conds: string[] = [];
    if (filter.verb !== undefined) conds.push(`${t}.verb_iri = ${p(filter.verb)}`);
    if (filter.registration !== undefined) conds.push(`${t}.registration = ${p(filter.registration)}`);
    if (filter.agentIfi !== undefined) {
      const usage = filter.relatedAgents ? '' : ` and a.usage = any(${p(DIRECT_AGENT)})`;
      conds.push(`exists (select 1 from xapi_statement_agent a where a.statement_pk = ${t}.id and a.ifi = ${p(filter.agentIfi)}${usage})`);
    }
    if (filter.activity !== undefined) {
      const usage = filter.relatedActivities ? '' : ` and c.usage = any(${p(DIRECT_ACTIVITY)})`;
      conds.push(`exists (select 1 from xapi_statement_activity c where c.statement_pk = ${t}.id and c.activity_iri = ${p(filter.activity)}${usage})`);
    }
    return conds;
  };
  const direct = match('s');
  if (direct.length > 0) {
    const viaRef = match('t');
    where.push(
      `((${direct.join(' and ')}) or exists (select 1 from xapi_statement_ref r join xapi_statement t on t.statement_id = r.target_statement_id
        where r.statement_pk = s.id and ${viaRef.join(' and ')}))`,
    );
  }
  if (filter.since !== undefined) where.push(`s.stored > ${p(filter.since)}`);
  if (filter.until !== undefined) where.push(`s.stored <= ${p(filter.until)}`);
  const dir = filter.ascending ? 'asc' : 'desc';
  if (after) where.push(`(s.stored, s.id) ${filter.ascending ? '>' : '<'} (${p(after[0])}::timestamptz, ${p(after[1])}::bigint)`);
  const rows = (await db.query(
    `select s.id::text as pk, s.statement, s.stored from xapi_statement s where ${where.join(' and ')}
     order by s.stored ${dir}, s.id ${dir} limit ${p(filter.limit + 1)}`,
    params,
  )) as { pk: string; statement: Json; stored: Date }[];
  return { statements: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit };
}
