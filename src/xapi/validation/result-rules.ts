import { checkExtensions, checkKeys, fail, isDuration, isObject } from './primitives';

/** Result and score (Data §2.4.5). */
const RESULT_KEYS = new Set(['score', 'success', 'completion', 'response', 'duration', 'extensions']);
const SCORE_KEYS = new Set(['scaled', 'raw', 'min', 'max']);

function checkScore(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be an object');
  checkKeys(v, SCORE_KEYS, path, 'a score');
  for (const k of SCORE_KEYS) if (v[k] !== undefined && (typeof v[k] !== 'number' || !Number.isFinite(v[k]))) fail(`${path}.${k}`, 'must be a number');
  const { scaled, raw, min, max } = v as { scaled?: number; raw?: number; min?: number; max?: number };
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) fail(`${path}.scaled`, 'must be between -1 and 1');
  if (min !== undefined && max !== undefined && min >= max) fail(`${path}.min`, 'must be less than max');
  if (raw !== undefined && min !== undefined && raw < min) fail(`${path}.raw`, 'must not be less than min');
  if (raw !== undefined && max !== undefined && raw > max) fail(`${path}.raw`, 'must not be greater than max');
}

export function checkResult(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be an object');
  checkKeys(v, RESULT_KEYS, path, 'a result');
  if (v['score'] !== undefined) checkScore(v['score'], `${path}.score`);
  for (const k of ['success', 'completion']) if (v[k] !== undefined && typeof v[k] !== 'boolean') fail(`${path}.${k}`, 'must be true or false');
  if (v['response'] !== undefined && typeof v['response'] !== 'string') fail(`${path}.response`, 'must be a string');
  if (v['duration'] !== undefined && !isDuration(v['duration'])) fail(`${path}.duration`, 'must be an ISO 8601 duration');
  if (v['extensions'] !== undefined) checkExtensions(v['extensions'], `${path}.extensions`);
}
