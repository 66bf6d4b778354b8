import { XapiError } from '../statements/xapi-error';

/**
 * Value checks shared by the statement rules (xAPI Data §2.2 and §4). Each `check*` throws a 400
 * naming the JSON path and the rule that failed, so a client can find its mistake.
 */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function fail(path: string, message: string): never {
  throw new XapiError(400, `${path}: ${message}`);
}

// RFC 4122 string form (any version/variant digit the RFC defines, any case).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

// RFC 3987 absolute IRI: a scheme (RFC 3986 §3.1) and no characters IRIs exclude.
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
export const isIri = (v: unknown): v is string => typeof v === 'string' && IRI.test(v);

// RFC 5646 §2.1 language tags (langtag, private use and the grandfathered irregular tags).
const ALNUM = '[a-z0-9]';
const LANGTAG = new RegExp(
  `^(?:([a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\\d{3}))?` +
    `((?:-(?:${ALNUM}{5,8}|\\d${ALNUM}{3}))*)((?:-[0-9a-wy-z](?:-${ALNUM}{2,8})+)*)(?:-x(?:-${ALNUM}{1,8})+)?|x(?:-${ALNUM}{1,8})+)$`,
  'i',
);
const IRREGULAR = new Set(
  'en-gb-oed i-ami i-bnn i-default i-enochian i-hak i-klingon i-lux i-mingo i-navajo i-pwn i-tao i-tay i-tsu sgn-be-fr sgn-be-nl sgn-ch-de'.split(' '),
);
export function isLanguageTag(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  if (IRREGULAR.has(v.toLowerCase())) return true;
  const m = LANGTAG.exec(v);
  if (!m) return false;
  // Variants and extension singletons may not repeat (RFC 5646 §2.2.5, §2.2.6).
  const variants = (m[2] ?? '').toLowerCase().split('-').filter(Boolean);
  const singletons = (m[3] ?? '').toLowerCase().split('-').filter((s) => s.length === 1);
  return new Set(variants).size === variants.length && new Set(singletons).size === singletons.length;
}

// ISO 8601 date-time with a zone; -00, -0000 and -00:00 ("unknown local offset", RFC 3339 §4.3) are refused.
const TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d(?::?\d\d)?)$/i;
export function isTimestamp(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = TIMESTAMP.exec(v);
  if (!m) return false;
  if (/^-00(:?00)?$/.test(m[7] ?? '')) return false;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return false;
  return !Number.isNaN(Date.parse(normaliseOffset(v)));
}

/** `+0100`/`+01` offsets as `+01:00`, which Date.parse understands. */
export function normaliseOffset(v: string): string {
  return v.replace(/([+-]\d\d)(\d\d)$/, '$1:$2').replace(/([+-]\d\d)$/, '$1:00');
}

// ISO 8601:2004 §4.4.3.2 durations: weeks stand alone; the last unit may carry a fraction.
const DURATION = /^P(?:\d+(?:\.\d+)?W|(?=\d|T\d)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?D)?(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?)$/;
export const isDuration = (v: unknown): v is string => typeof v === 'string' && DURATION.test(v);

// mailto: with one address (RFC 6068 without headers), the local part and a dotted domain.
const MBOX = /^mailto:[^@\s?:]+@[^@\s?]+\.[^@\s?]+$/i;
export const isMbox = (v: unknown): v is string => typeof v === 'string' && MBOX.test(v);

// RFC 2045 type/subtype with optional parameters.
const MIME = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;.*)?$/i;
export const isMimeType = (v: unknown): v is string => typeof v === 'string' && MIME.test(v);

export function checkKeys(v: Json, allowed: ReadonlySet<string>, path: string, what: string): void {
  for (const k of Object.keys(v)) if (!allowed.has(k)) fail(`${path}.${k}`, `is not a property of ${what}`);
}

export function checkIri(v: unknown, path: string): void {
  if (!isIri(v)) fail(path, 'must be an absolute IRI');
}

export function checkString(v: unknown, path: string): void {
  if (typeof v !== 'string') fail(path, 'must be a string');
}

export function checkLanguageMap(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be a language map (an object of RFC 5646 tags to strings)');
  for (const [k, text] of Object.entries(v)) {
    if (!isLanguageTag(k)) fail(`${path}.${k}`, 'is not an RFC 5646 language tag');
    if (typeof text !== 'string') fail(`${path}.${k}`, 'must be a string');
  }
}

export function checkExtensions(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be an object keyed by IRIs');
  for (const k of Object.keys(v)) if (!isIri(k)) fail(`${path}.${k}`, 'an extension key must be an absolute IRI');
}

/**
 * Null is never a valid statement value (Data §2.2); extension values are the client's own JSON.
 */
export function checkNoNulls(v: unknown, path: string): void {
  if (v === null) fail(path, 'must not be null');
  if (Array.isArray(v)) v.forEach((x, i) => checkNoNulls(x, `${path}[${i}]`));
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) if (k !== 'extensions') checkNoNulls(x, `${path}.${k}`);
}
