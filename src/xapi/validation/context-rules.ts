import { checkActivity } from './activity-rules';
import { checkActor, checkAgent, checkGroup } from './actor-rules';
import { checkExtensions, checkIri, checkKeys, checkString, fail, isLanguageTag, isObject, isUuid } from './primitives';

/** Context (Data §2.4.6), with the contextAgents and contextGroups of 2.0. */
const CONTEXT_KEYS_1 = ['registration', 'instructor', 'team', 'contextActivities', 'revision', 'platform', 'language', 'statement', 'extensions'];
const CONTEXT_KEYS = { '1.0.3': new Set(CONTEXT_KEYS_1), '2.0.0': new Set([...CONTEXT_KEYS_1, 'contextAgents', 'contextGroups']) };
const ACTIVITY_KINDS = new Set(['parent', 'grouping', 'category', 'other']);
const REF_KEYS = new Set(['objectType', 'id']);

export type XapiVersion = '1.0.3' | '2.0.0';

export function checkStatementRef(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be a StatementRef object');
  if (v['objectType'] !== 'StatementRef') fail(`${path}.objectType`, 'must be "StatementRef"');
  checkKeys(v, REF_KEYS, path, 'a StatementRef');
  if (!isUuid(v['id'])) fail(`${path}.id`, 'must be a UUID');
}

function checkRelevantTypes(v: unknown, path: string): void {
  if (v === undefined) return;
  if (!Array.isArray(v) || v.length === 0) return fail(path, 'must be a non-empty array of IRIs');
  v.forEach((t, i) => checkIri(t, `${path}[${i}]`));
}

function checkContextActors(v: unknown, path: string, kind: 'contextAgent' | 'contextGroup'): void {
  if (!Array.isArray(v)) return fail(path, `must be an array of ${kind} objects`);
  const member = kind === 'contextAgent' ? 'agent' : 'group';
  v.forEach((c: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(c)) return fail(at, `must be a ${kind} object`);
    if (c['objectType'] !== kind) fail(`${at}.objectType`, `must be "${kind}"`);
    checkKeys(c, new Set(['objectType', member, 'relevantTypes']), at, `a ${kind}`);
    if (kind === 'contextAgent') checkAgent(c['agent'], `${at}.agent`);
    else checkGroup(c['group'], `${at}.group`);
    checkRelevantTypes(c['relevantTypes'], `${at}.relevantTypes`);
  });
}

/** `objectIsActivity`: revision and platform only make sense for an Activity object (Data §2.4.6). */
export function checkContext(v: unknown, path: string, objectIsActivity: boolean, version: XapiVersion): void {
  if (!isObject(v)) return fail(path, 'must be an object');
  checkKeys(v, CONTEXT_KEYS[version], path, `a context (xAPI ${version})`);
  if (v['registration'] !== undefined && !isUuid(v['registration'])) fail(`${path}.registration`, 'must be a UUID');
  if (v['instructor'] !== undefined) checkActor(v['instructor'], `${path}.instructor`);
  if (v['team'] !== undefined) checkGroup(v['team'], `${path}.team`);
  for (const k of ['revision', 'platform']) {
    if (v[k] === undefined) continue;
    checkString(v[k], `${path}.${k}`);
    if (!objectIsActivity) fail(`${path}.${k}`, 'may only be used when the object is an Activity');
  }
  if (v['language'] !== undefined && !isLanguageTag(v['language'])) fail(`${path}.language`, 'must be an RFC 5646 language tag');
  if (v['statement'] !== undefined) checkStatementRef(v['statement'], `${path}.statement`);
  if (v['extensions'] !== undefined) checkExtensions(v['extensions'], `${path}.extensions`);
  if (v['contextAgents'] !== undefined) checkContextActors(v['contextAgents'], `${path}.contextAgents`, 'contextAgent');
  if (v['contextGroups'] !== undefined) checkContextActors(v['contextGroups'], `${path}.contextGroups`, 'contextGroup');
  const activities = v['contextActivities'];
  if (activities === undefined) return;
  if (!isObject(activities)) return fail(`${path}.contextActivities`, 'must be an object');
  for (const [kind, list] of Object.entries(activities)) {
    if (!ACTIVITY_KINDS.has(kind)) fail(`${path}.contextActivities.${kind}`, 'must be parent, grouping, category or other');
    if (Array.isArray(list)) list.forEach((a, i) => checkActivity(a, `${path}.contextActivities.${kind}[${i}]`));
    else checkActivity(list, `${path}.contextActivities.${kind}`);
  }
}
