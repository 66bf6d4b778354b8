import { XapiError } from './xapi-error';

/**
 * Hand-written checks of the statement essentials (xAPI Data §2.4). They cover what the
 * filters and storage rely on and the common client mistakes; not yet every rule of the
 * conformance suite.
 */
export type Json = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const STATEMENT_KEYS = new Set(['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);
const SUB_KEYS = new Set(['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments']);
const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (path: string, message: string): never => {
  throw new XapiError(400, `${path}: ${message}`);
};

function checkIri(v: unknown, path: string): void {
  if (typeof v !== 'string' || !IRI.test(v)) fail(path, 'must be an absolute IRI');
}

function checkLanguageMap(v: unknown, path: string): void {
  if (v === undefined) return;
  if (!isObject(v)) fail(path, 'must be a language map');
  for (const [k, text] of Object.entries(v as Json)) if (typeof text !== 'string') fail(`${path}.${k}`, 'must be a string');
}

export function checkActor(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be an Agent or Group object');
  const type = v['objectType'] ?? 'Agent';
  if (type !== 'Agent' && type !== 'Group') fail(`${path}.objectType`, 'must be "Agent" or "Group"');
  const ifis = IFI_KEYS.filter((k) => v[k] !== undefined);
  if (type === 'Agent' && ifis.length !== 1) fail(path, 'an Agent needs exactly one of mbox, mbox_sha1sum, openid, account');
  if (type === 'Group' && ifis.length > 1) fail(path, 'a Group has at most one of mbox, mbox_sha1sum, openid, account');
  if (v['mbox'] !== undefined && (typeof v['mbox'] !== 'string' || !v['mbox'].startsWith('mailto:'))) fail(`${path}.mbox`, 'must be a mailto: IRI');
  if (v['mbox_sha1sum'] !== undefined && (typeof v['mbox_sha1sum'] !== 'string' || !/^[0-9a-f]{40}$/i.test(v['mbox_sha1sum']))) fail(`${path}.mbox_sha1sum`, 'must be a hex SHA-1');
  if (v['openid'] !== undefined) checkIri(v['openid'], `${path}.openid`);
  if (v['account'] !== undefined) {
    const account = v['account'];
    if (!isObject(account)) return fail(`${path}.account`, 'must be an object');
    checkIri(account['homePage'], `${path}.account.homePage`);
    if (typeof account['name'] !== 'string') fail(`${path}.account.name`, 'must be a string');
  }
  if (v['name'] !== undefined && typeof v['name'] !== 'string') fail(`${path}.name`, 'must be a string');
  if (type === 'Group') {
    const member = v['member'];
    if (ifis.length === 0 && (!Array.isArray(member) || member.length === 0)) fail(`${path}.member`, 'an anonymous Group needs members');
    if (member !== undefined) {
      if (!Array.isArray(member)) return fail(`${path}.member`, 'must be an array');
      member.forEach((m: unknown, i) => {
        if (isObject(m) && m['objectType'] === 'Group') fail(`${path}.member[${i}]`, 'a Group member cannot be a Group');
        checkActor(m, `${path}.member[${i}]`);
      });
    }
  }
}

function checkObject(v: unknown, path: string, inSub: boolean): void {
  if (!isObject(v)) return fail(path, 'must be an object');
  const type = v['objectType'] ?? 'Activity';
  switch (type) {
    case 'Activity':
      checkIri(v['id'], `${path}.id`);
      if (v['definition'] !== undefined && !isObject(v['definition'])) fail(`${path}.definition`, 'must be an object');
      return;
    case 'Agent':
    case 'Group':
      return checkActor(v, path);
    case 'StatementRef':
      if (!isUuid(v['id'])) fail(`${path}.id`, 'must be a UUID');
      return;
    case 'SubStatement':
      if (inSub) fail(path, 'a SubStatement cannot contain a SubStatement');
      for (const k of Object.keys(v)) if (!SUB_KEYS.has(k)) fail(`${path}.${k}`, 'is not allowed in a SubStatement');
      return checkBody(v, path, true);
    default:
      fail(`${path}.objectType`, 'must be Activity, Agent, Group, StatementRef or SubStatement');
  }
}

function checkContext(v: unknown, path: string): void {
  if (v === undefined) return;
  if (!isObject(v)) return fail(path, 'must be an object');
  if (v['registration'] !== undefined && !isUuid(v['registration'])) fail(`${path}.registration`, 'must be a UUID');
  if (v['instructor'] !== undefined) checkActor(v['instructor'], `${path}.instructor`);
  if (v['team'] !== undefined) {
    checkActor(v['team'], `${path}.team`);
    if (isObject(v['team']) && v['team']['objectType'] !== 'Group') fail(`${path}.team`, 'must be a Group');
  }
  const activities = v['contextActivities'];
  if (activities === undefined) return;
  if (!isObject(activities)) return fail(`${path}.contextActivities`, 'must be an object');
  for (const [key, list] of Object.entries(activities)) {
    if (!['parent', 'grouping', 'category', 'other'].includes(key)) fail(`${path}.contextActivities.${key}`, 'is not a context activity type');
    for (const [i, a] of (Array.isArray(list) ? list : [list]).entries()) checkObject(a, `${path}.contextActivities.${key}[${i}]`, true);
  }
}

function checkTimestamp(v: unknown, path: string): void {
  if (v === undefined) return;
  if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(v) || Number.isNaN(Date.parse(v))) {
    fail(path, 'must be an ISO 8601 date-time with a time zone');
  }
}

function checkBody(v: Json, path: string, inSub: boolean): void {
  checkActor(v['actor'], `${path}.actor`);
  const verb = v['verb'];
  if (!isObject(verb)) fail(`${path}.verb`, 'must be an object');
  else {
    checkIri(verb['id'], `${path}.verb.id`);
    checkLanguageMap(verb['display'], `${path}.verb.display`);
  }
  checkObject(v['object'], `${path}.object`, inSub);
  checkContext(v['context'], `${path}.context`);
  checkTimestamp(v['timestamp'], `${path}.timestamp`);
  const result = v['result'];
  if (result !== undefined) {
    if (!isObject(result)) fail(`${path}.result`, 'must be an object');
    else if (isObject(result['score']) && result['score']['scaled'] !== undefined) {
      const scaled = result['score']['scaled'];
      if (typeof scaled !== 'number' || scaled < -1 || scaled > 1) fail(`${path}.result.score.scaled`, 'must be a number from -1 to 1');
    }
  }
}

/** Throws a 400 XapiError naming the first problem; returns the statement typed as JSON. */
export function validateStatement(v: unknown, path = 'statement'): Json {
  if (!isObject(v)) return fail(path, 'must be a JSON object');
  for (const k of Object.keys(v)) if (!STATEMENT_KEYS.has(k)) fail(`${path}.${k}`, 'is not a statement property');
  if (v['id'] !== undefined && !isUuid(v['id'])) fail(`${path}.id`, 'must be a UUID');
  checkBody(v, path, false);
  if (v['authority'] !== undefined) checkActor(v['authority'], `${path}.authority`);
  if (v['version'] !== undefined && (typeof v['version'] !== 'string' || !/^(1\.0|2\.0)(\.\d+)?$/.test(v['version']))) fail(`${path}.version`, 'must be 1.0.x or 2.0.x');
  const verb = v['verb'] as Json;
  if (verb['id'] === VOIDED_VERB && (v['object'] as Json)['objectType'] !== 'StatementRef') fail(`${path}.object`, 'a voiding statement must target a StatementRef');
  return v;
}

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';
