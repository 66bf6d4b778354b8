import { isObject, type Json } from '../validation/primitives';

/**
 * The LRS's view of an activity (Comm. §2.5): every definition seen for its id, merged in the
 * order the statements were stored, so a later statement adds languages or replaces a property
 * without dropping what earlier ones said.
 */
export function mergeDefinitions(statements: readonly Json[], activityId: string): Json | undefined {
  let merged: Json | undefined;
  for (const s of statements) {
    for (const activity of activitiesIn(s)) {
      if (activity['id'] !== activityId || !isObject(activity['definition'])) continue;
      merged = mergeDefinition(merged ?? {}, activity['definition']);
    }
  }
  return merged;
}

function mergeDefinition(into: Json, next: Json): Json {
  const out: Json = { ...into };
  for (const [k, v] of Object.entries(next)) {
    // Language maps and extensions merge key by key; everything else is replaced.
    out[k] = isObject(v) && isObject(out[k]) ? { ...(out[k] as Json), ...v } : v;
  }
  return out;
}

/** Every Activity object a statement holds: its object, its context activities, its SubStatement's. */
function activitiesIn(s: Json): Json[] {
  const found: Json[] = [];
  const visit = (body: Json): void => {
    const object = body['object'];
    if (isObject(object)) {
      const type = object['objectType'] ?? 'Activity';
      if (type === 'Activity') found.push(object);
      else if (type === 'SubStatement') visit(object);
    }
    const context = body['context'];
    if (isObject(context) && isObject(context['contextActivities'])) {
      for (const list of Object.values(context['contextActivities'])) for (const a of Array.isArray(list) ? list : [list]) if (isObject(a)) found.push(a);
    }
  };
  visit(s);
  return found;
}
