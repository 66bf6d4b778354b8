import type { Json } from './statement-validation';
import { XapiError } from './xapi-error';

export type StatementFormat = 'exact' | 'ids' | 'canonical';

export function parseFormat(v: string | undefined): StatementFormat {
  if (v === undefined) return 'exact';
  if (v === 'exact' || v === 'ids' || v === 'canonical') return v;
  throw new XapiError(400, 'format must be ids, exact or canonical');
}

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

function agentIds(a: unknown): unknown {
  if (typeof a !== 'object' || a === null) return a;
  const agent = a as Json;
  const out: Json = {};
  if (agent['objectType'] !== undefined) out['objectType'] = agent['objectType'];
  for (const k of IFI_KEYS) if (agent[k] !== undefined) out[k] = agent[k];
  // Anonymous groups are identified by their members.
  if (Array.isArray(agent['member']) && IFI_KEYS.every((k) => agent[k] === undefined)) out['member'] = agent['member'].map(agentIds);
  return out;
}

function objectIds(o: unknown): unknown {
  if (typeof o !== 'object' || o === null) return o;
  const object = o as Json;
  const type = object['objectType'] ?? 'Activity';
  if (type === 'Activity') return { objectType: 'Activity', id: object['id'] };
  if (type === 'Agent' || type === 'Group') return agentIds(object);
  if (type === 'SubStatement') return { ...object, actor: agentIds(object['actor']), verb: { id: (object['verb'] as Json)['id'] }, object: objectIds(object['object']) };
  return object;
}

/**
 * `ids` keeps only identifiers of agents, activities and verbs. `canonical` is served as
 * `exact` for now (language-map narrowing by Accept-Language is not done yet).
 */
export function formatStatement(s: Json, format: StatementFormat): Json {
  if (format !== 'ids') return s;
  return { ...s, actor: agentIds(s['actor']), verb: { id: (s['verb'] as Json)['id'] }, object: objectIds(s['object']), ...(s['authority'] ? { authority: agentIds(s['authority']) } : {}) };
}
