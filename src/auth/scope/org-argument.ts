import type { Queryable } from '../../graphql/relay/keyset';
import { fromGlobalId } from '../../graphql/relay/global-id';
import { DomainError } from '../../shared/domain-error';

/**
 * The org an operator names on the command line (`keys create --org ...`): its graph id, or its
 * sourcedId when exactly one system has an org with it (operators know schools by SIS id).
 */
export async function resolveOrgArgument(db: Queryable, value: string): Promise<string> {
  let graphId: string | undefined;
  try {
    const decoded = fromGlobalId(value);
    if (decoded.type === 'Org' && /^[1-9][0-9]{0,18}$/.test(decoded.id)) graphId = decoded.id;
  } catch {
    // Not a graph id: try it as a sourcedId.
  }
  const rows = (await (graphId
    ? db.query(`select id::text, system from org where id = $1`, [graphId])
    : db.query(`select id::text, system from org where sourced_id = $1 order by system`, [value]))) as { id: string; system: string }[];
  if (rows.length === 0) throw new DomainError('NOT_FOUND', `No org has the id or sourcedId "${value.slice(0, 80)}"`);
  if (rows.length > 1) {
    throw new DomainError('CONFLICT', `sourcedId "${value.slice(0, 80)}" names orgs in ${rows.map((r) => r.system).join(', ')}; pass the org's graph id instead`);
  }
  return rows[0]!.id;
}
