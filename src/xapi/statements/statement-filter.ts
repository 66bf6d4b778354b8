import { ifiOf } from './statement-links';
import { checkActor, isUuid, type Json } from './statement-validation';
import { XapiError } from './xapi-error';

/** The parsed filters of GET /statements (without statementId/voidedStatementId). */
export interface StatementFilter {
  readonly agentIfi?: string;
  readonly verb?: string;
  readonly activity?: string;
  readonly registration?: string;
  readonly relatedActivities: boolean;
  readonly relatedAgents: boolean;
  readonly since?: string;
  readonly until?: string;
  readonly limit: number;
  readonly ascending: boolean;
}

/** The most statements one page holds; `limit=0` or a larger limit gets this many. */
export const MAX_PAGE = 100;

const KNOWN = new Set(['agent', 'verb', 'activity', 'registration', 'related_activities', 'related_agents', 'since', 'until', 'limit', 'format', 'attachments', 'ascending', 'statementId', 'voidedStatementId', 'more']);

function bool(v: string | undefined, name: string): boolean {
  if (v === undefined) return false;
  if (v !== 'true' && v !== 'false') throw new XapiError(400, `${name} must be true or false`);
  return v === 'true';
}

function time(v: string | undefined, name: string): string | undefined {
  if (v === undefined) return undefined;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) throw new XapiError(400, `${name} must be an ISO 8601 timestamp`);
  return new Date(ms).toISOString();
}

export function checkKnownParameters(query: Readonly<Record<string, string>>): void {
  for (const k of Object.keys(query)) if (!KNOWN.has(k)) throw new XapiError(400, `unknown parameter ${k}`);
}

export function parseFilter(query: Readonly<Record<string, string | undefined>>): StatementFilter {
  let agentIfi: string | undefined;
  if (query['agent'] !== undefined) {
    let agent: unknown;
    try {
      agent = JSON.parse(query['agent']);
    } catch {
      throw new XapiError(400, 'agent must be JSON');
    }
    checkActor(agent, 'agent');
    agentIfi = ifiOf(agent as Json);
    if (!agentIfi) throw new XapiError(400, 'agent needs an identifier (mbox, mbox_sha1sum, openid or account)');
  }
  const registration = query['registration'];
  if (registration !== undefined && !isUuid(registration)) throw new XapiError(400, 'registration must be a UUID');
  const limit = query['limit'] === undefined ? MAX_PAGE : Number(query['limit']);
  if (!Number.isInteger(limit) || limit < 0) throw new XapiError(400, 'limit must be a non-negative integer');
  const since = time(query['since'], 'since');
  const until = time(query['until'], 'until');
  return {
    ...(agentIfi ? { agentIfi } : {}),
    ...(query['verb'] !== undefined ? { verb: query['verb'] } : {}),
    ...(query['activity'] !== undefined ? { activity: query['activity'] } : {}),
    ...(registration ? { registration: registration.toLowerCase() } : {}),
    relatedActivities: bool(query['related_activities'], 'related_activities'),
    relatedAgents: bool(query['related_agents'], 'related_agents'),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    limit: limit === 0 || limit > MAX_PAGE ? MAX_PAGE : limit,
    ascending: bool(query['ascending'], 'ascending'),
  };
}
