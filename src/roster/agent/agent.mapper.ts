import { toGlobalId } from '../../graphql/relay/global-id';
import { Agent } from './agent.type';

export interface AgentRow {
  readonly id: string;
  readonly system: string;
  readonly user_id: string;
  readonly agent_user_id: string;
  readonly relationship: string | null;
  readonly deleted_at: Date | null;
}

/** The columns of `agent a` that `toAgent` reads. */
export const AGENT_COLUMNS = 'a.id, a.system, a.user_id, a.agent_user_id, a.relationship, a.deleted_at';

export function toAgent(row: AgentRow): Agent {
  return Object.assign(new Agent(), {
    id: toGlobalId('Agent', row.id),
    localId: row.id,
    userLocalId: row.user_id,
    agentLocalId: row.agent_user_id,
    system: row.system,
    relationship: row.relationship,
    deletedAt: row.deleted_at,
  });
}
