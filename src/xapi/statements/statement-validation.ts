import { checkActivity } from '../validation/activity-rules';
import { checkActor, checkAuthority } from '../validation/actor-rules';
import { checkAttachments } from '../validation/attachment-rules';
import { checkContext, checkStatementRef, type XapiVersion } from '../validation/context-rules';
import { checkIri, checkKeys, checkLanguageMap, checkNoNulls, fail, isObject, isTimestamp, isUuid, type Json } from '../validation/primitives';
import { checkResult } from '../validation/result-rules';

/**
 * The statement rules of xAPI Data §2.2–2.4 (1.0.3 and 2.0.0): every property's type and
 * format, the multiplicity rules (one IFI per Agent, anonymous Groups with members, exactly two
 * Agents in an OAuth authority), SubStatement and voiding rules. The first problem found is
 * answered as a 400 naming its JSON path.
 */
export type { Json } from '../validation/primitives';
export { isUuid } from '../validation/primitives';
export { checkActor } from '../validation/actor-rules';

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

const STATEMENT_KEYS = new Set(['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);
const SUB_KEYS = new Set(['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments']);
const VERB_KEYS = new Set(['id', 'display']);

function checkVerb(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be a Verb object');
  checkKeys(v, VERB_KEYS, path, 'a Verb');
  checkIri(v['id'], `${path}.id`);
  if (v['display'] !== undefined) checkLanguageMap(v['display'], `${path}.display`);
}

function checkObject(v: unknown, path: string, inSub: boolean, version: XapiVersion): void {
  if (!isObject(v)) return fail(path, 'must be an object');
  switch (v['objectType'] ?? 'Activity') {
    case 'Activity':
      return checkActivity(v, path);
    case 'Agent':
    case 'Group':
      return checkActor(v, path);
    case 'StatementRef':
      return checkStatementRef(v, path);
    case 'SubStatement':
      if (inSub) fail(path, 'a SubStatement cannot contain a SubStatement');
      checkKeys(v, SUB_KEYS, path, 'a SubStatement');
      return checkBody(v, path, true, version);
    default:
      fail(`${path}.objectType`, 'must be Activity, Agent, Group, StatementRef or SubStatement');
  }
}

function checkBody(v: Json, path: string, inSub: boolean, version: XapiVersion): void {
  if (v['actor'] === undefined) fail(`${path}.actor`, 'is required');
  checkActor(v['actor'], `${path}.actor`);
  if (v['verb'] === undefined) fail(`${path}.verb`, 'is required');
  checkVerb(v['verb'], `${path}.verb`);
  if (v['object'] === undefined) fail(`${path}.object`, 'is required');
  checkObject(v['object'], `${path}.object`, inSub, version);
  if (v['result'] !== undefined) checkResult(v['result'], `${path}.result`);
  if (v['context'] !== undefined) {
    const objectType = (v['object'] as Json)['objectType'];
    checkContext(v['context'], `${path}.context`, objectType === undefined || objectType === 'Activity', version);
  }
  if (v['timestamp'] !== undefined && !isTimestamp(v['timestamp'])) fail(`${path}.timestamp`, 'must be an ISO 8601 date-time with a time zone');
  if (v['attachments'] !== undefined) checkAttachments(v['attachments'], `${path}.attachments`);
}

/** Throws a 400 XapiError naming the first problem; returns the statement typed as JSON. */
export function validateStatement(v: unknown, path = 'statement', version: XapiVersion = '2.0.0'): Json {
  if (!isObject(v)) return fail(path, 'must be a JSON object');
  checkNoNulls(v, path);
  checkKeys(v, STATEMENT_KEYS, path, 'a Statement');
  if (v['id'] !== undefined && !isUuid(v['id'])) fail(`${path}.id`, 'must be a UUID');
  checkBody(v, path, false, version);
  if (v['stored'] !== undefined && !isTimestamp(v['stored'])) fail(`${path}.stored`, 'must be an ISO 8601 date-time with a time zone');
  if (v['authority'] !== undefined) checkAuthority(v['authority'], `${path}.authority`);
  if (v['version'] !== undefined && (typeof v['version'] !== 'string' || !/^(1\.0|2\.0)(\.\d+)?$/.test(v['version']))) fail(`${path}.version`, 'must be 1.0.x or 2.0.x');
  const verb = v['verb'] as Json;
  if (verb['id'] === VOIDED_VERB && (v['object'] as Json)['objectType'] !== 'StatementRef') fail(`${path}.object`, 'a voiding statement must target a StatementRef');
  return v;
}
