import { isObject, type Json } from '../validation/primitives';
import { XapiError } from './xapi-error';

export type StatementFormat = 'exact' | 'ids' | 'canonical';

export function parseFormat(v: string | undefined): StatementFormat {
  if (v === undefined) return 'exact';
  if (v === 'exact' || v === 'ids' || v === 'canonical') return v;
  throw new XapiError(400, 'format must be ids, exact or canonical');
}

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

function actorIds(a: unknown): unknown {
  if (!isObject(a)) return a;
  const out: Json = {};
  if (a['objectType'] !== undefined) out['objectType'] = a['objectType'];
  for (const k of IFI_KEYS) if (a[k] !== undefined) out[k] = a[k];
  // Anonymous groups are identified by their members.
  if (Array.isArray(a['member']) && IFI_KEYS.every((k) => a[k] === undefined)) out['member'] = a['member'].map(actorIds);
  return out;
}

const activityIds = (a: unknown): unknown => (isObject(a) ? { id: a['id'] } : a);

function objectIds(o: unknown): unknown {
  if (!isObject(o)) return o;
  const type = o['objectType'] ?? 'Activity';
  if (type === 'Activity') return activityIds(o);
  if (type === 'Agent' || type === 'Group') return actorIds(o);
  if (type === 'SubStatement') return bodyIds(o);
  return o;
}

function contextIds(c: unknown): unknown {
  if (!isObject(c)) return c;
  const out: Json = { ...c };
  if (c['instructor'] !== undefined) out['instructor'] = actorIds(c['instructor']);
  if (c['team'] !== undefined) out['team'] = actorIds(c['team']);
  if (isObject(c['contextActivities'])) {
    const activities: Json = {};
    for (const [kind, list] of Object.entries(c['contextActivities'])) activities[kind] = Array.isArray(list) ? list.map(activityIds) : activityIds(list);
    out['contextActivities'] = activities;
  }
  if (Array.isArray(c['contextAgents'])) out['contextAgents'] = c['contextAgents'].map((x: unknown) => (isObject(x) ? { ...x, agent: actorIds(x['agent']) } : x));
  if (Array.isArray(c['contextGroups'])) out['contextGroups'] = c['contextGroups'].map((x: unknown) => (isObject(x) ? { ...x, group: actorIds(x['group']) } : x));
  return out;
}

function bodyIds(s: Json): Json {
  const out: Json = { ...s, actor: actorIds(s['actor']), verb: { id: (s['verb'] as Json)['id'] }, object: objectIds(s['object']) };
  if (s['context'] !== undefined) out['context'] = contextIds(s['context']);
  if (s['authority'] !== undefined) out['authority'] = actorIds(s['authority']);
  return out;
}

/** Accept-Language as tags in order of preference (RFC 9110 §12.5.4); `*` and q=0 are dropped. */
export function preferredLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((entry, i) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/i.exec(p)?.[1]).find((x) => x !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((e) => e.tag !== '' && e.tag !== '*' && e.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((e) => e.tag);
}

/** The one entry of a language map the reader prefers: exact tag, then a shared prefix, else the first. */
function narrow(map: Json, languages: readonly string[]): Json {
  const keys = Object.keys(map);
  if (keys.length <= 1) return map;
  for (const want of languages) {
    const key =
      keys.find((k) => k.toLowerCase() === want) ??
      keys.find((k) => k.toLowerCase().startsWith(`${want}-`) || want.startsWith(`${k.toLowerCase()}-`));
    if (key) return { [key]: map[key] };
  }
  const fallback = keys.includes('und') ? 'und' : (keys[0] as string);
  return { [fallback]: map[fallback] };
}

const LANGUAGE_MAPS = new Set(['display', 'name', 'description']);

/** Narrows every language map (verb display, definition name/description, components, attachments). */
function canonical(v: unknown, languages: readonly string[], key?: string): unknown {
  if (Array.isArray(v)) return v.map((x) => canonical(x, languages));
  if (!isObject(v)) return v;
  if (key !== undefined && LANGUAGE_MAPS.has(key) && Object.values(v).every((x) => typeof x === 'string')) return narrow(v, languages);
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) out[k] = k === 'extensions' ? x : canonical(x, languages, k);
  return out;
}

/**
 * `ids` keeps only the identifiers of agents, groups, activities and verbs; `canonical` keeps
 * one language per language map, chosen by the request's Accept-Language.
 */
export function formatStatement(s: Json, format: StatementFormat, acceptLanguage?: string): Json {
  if (format === 'ids') return bodyIds(s);
  if (format === 'canonical') return canonical(s, preferredLanguages(acceptLanguage)) as Json;
  return s;
}
