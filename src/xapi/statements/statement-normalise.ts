import { isObject, type Json } from '../validation/primitives';

/**
 * The forms the LRS stores and compares statements in: context activities always as arrays
 * (Data §2.4.6.2: an LRS returns them as arrays even when one was sent) and durations cut to
 * hundredths of a second (Data §4.6: more precision may be dropped and is never compared).
 */
export function normaliseStatement(statement: Json): Json {
  const out: Json = { ...statement };
  normaliseBody(out);
  const object = out['object'];
  if (isObject(object) && object['objectType'] === 'SubStatement') {
    const sub = { ...object };
    normaliseBody(sub);
    out['object'] = sub;
  }
  return out;
}

function normaliseBody(s: Json): void {
  const context = s['context'];
  if (isObject(context) && isObject(context['contextActivities'])) {
    const activities: Json = {};
    for (const [kind, list] of Object.entries(context['contextActivities'])) activities[kind] = Array.isArray(list) ? list : [list];
    s['context'] = { ...context, contextActivities: activities };
  }
  const result = s['result'];
  if (isObject(result) && typeof result['duration'] === 'string') s['result'] = { ...result, duration: truncateDuration(result['duration']) };
}

/** PT1.23456S -> PT1.23S (truncated, never rounded). */
export function truncateDuration(duration: string): string {
  return duration.replace(/(\d+)\.(\d{1,2})\d*S$/, '$1.$2S');
}
