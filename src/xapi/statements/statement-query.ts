import type { DataSource } from 'typeorm';
import type { StatementFilter } from './statement-filter';

export interface StatementPage {
  /** `json` is the statement as stored, as text: an `exact` answer sends it without parsing it. */
  readonly statements: { readonly json: string; readonly stored: Date; readonly pk: string }[];
  readonly hasMore: boolean;
}

const DIRECT_AGENT = ['actor', 'object'];
const DIRECT_ACTIVITY = ['object'];

/** One page of non-voided statements matching the filter, in stored order, after a keyset position. */
export async function queryStatements(db: DataSource, filter: StatementFilter, after?: readonly [string, string]): Promise<StatementPage> {
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
  const dir = filter.ascending ? 'asc' : 'desc';
  // Time filters and the keyset position apply to the returned statement itself.
  const own: string[] = [];
  if (filter.since !== undefined) own.push(`s.stored > ${p(filter.since)}`);
  if (filter.until !== undefined) own.push(`s.stored <= ${p(filter.until)}`);
  if (after) own.push(`(s.stored, s.id) ${filter.ascending ? '>' : '<'} (${p(after[0])}::timestamptz, ${p(after[1])}::bigint)`);
  const limit = p(filter.limit + 1);
  const page = (from: string, conds: string[]): string =>
    `select s.id as key, s.id::text as pk, s.statement::text as json, s.stored from ${from} where ${['not s.voided', ...conds, ...own].join(' and ')} order by s.stored ${dir}, s.id ${dir} limit ${limit}`;
  let sql: string;
  if (direct.length === 0) sql = page('xapi_statement s', []);
  else {
    // Two pages merged rather than one OR: each half can then be driven by its own index (the
    // link table's for direct matches; the few StatementRefs for the others).
    const viaRef = match('t');
    sql = `select u.pk, u.json, u.stored from (
        (${page('xapi_statement s', direct)})
        union all
        (${page('xapi_statement_ref r join xapi_statement s on s.id = r.statement_pk join xapi_statement t on t.statement_id = r.target_statement_id', [
          ...viaRef,
          // A statement matching on its own is already in the first half.
          `not (${direct.join(' and ')})`,
        ])})
      ) u order by u.stored ${dir}, u.key ${dir} limit ${limit}`;
  }
  const rows = (await db.query(sql, params)) as { pk: string; json: string; stored: Date }[];
  return { statements: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit };
}
