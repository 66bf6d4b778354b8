import { checkExtensions, checkIri, checkKeys, checkLanguageMap, checkString, fail, isObject } from './primitives';

/** Activities and their definitions, interaction activities included (Data §2.4.4.1). */
const ACTIVITY_KEYS = new Set(['objectType', 'id', 'definition']);
const DEFINITION_KEYS = new Set([
  'name', 'description', 'type', 'moreInfo', 'interactionType', 'correctResponsesPattern',
  'choices', 'scale', 'source', 'target', 'steps', 'extensions',
]);
const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
const COMPONENT_KEYS = new Set(['id', 'description']);
// Case matters: "Choice" is not "choice" (Data §2.2).
const INTERACTION_TYPES = new Set(['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other']);

function checkComponents(v: unknown, path: string): void {
  if (!Array.isArray(v)) return fail(path, 'must be an array of interaction components');
  const ids = new Set<string>();
  v.forEach((c: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(c)) return fail(at, 'must be an interaction component object');
    checkKeys(c, COMPONENT_KEYS, at, 'an interaction component');
    checkString(c['id'], `${at}.id`);
    if (ids.has(c['id'] as string)) fail(`${at}.id`, 'interaction component ids must be distinct');
    ids.add(c['id'] as string);
    if (c['description'] !== undefined) checkLanguageMap(c['description'], `${at}.description`);
  });
}

function checkDefinition(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be an object');
  checkKeys(v, DEFINITION_KEYS, path, 'an Activity definition');
  if (v['name'] !== undefined) checkLanguageMap(v['name'], `${path}.name`);
  if (v['description'] !== undefined) checkLanguageMap(v['description'], `${path}.description`);
  if (v['type'] !== undefined) checkIri(v['type'], `${path}.type`);
  if (v['moreInfo'] !== undefined) checkIri(v['moreInfo'], `${path}.moreInfo`);
  if (v['extensions'] !== undefined) checkExtensions(v['extensions'], `${path}.extensions`);
  const type = v['interactionType'];
  if (type !== undefined && (typeof type !== 'string' || !INTERACTION_TYPES.has(type))) {
    fail(`${path}.interactionType`, `must be one of ${[...INTERACTION_TYPES].join(', ')}`);
  }
  const crp = v['correctResponsesPattern'];
  if (crp !== undefined && (!Array.isArray(crp) || crp.some((p) => typeof p !== 'string'))) fail(`${path}.correctResponsesPattern`, 'must be an array of strings');
  for (const list of COMPONENT_LISTS) if (v[list] !== undefined) checkComponents(v[list], `${path}.${list}`);
  if (type === undefined && (crp !== undefined || COMPONENT_LISTS.some((k) => v[k] !== undefined))) {
    fail(`${path}.interactionType`, 'is required when correctResponsesPattern or interaction components are given');
  }
}

export function checkActivity(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be an Activity object');
  if (v['objectType'] !== undefined && v['objectType'] !== 'Activity') fail(`${path}.objectType`, 'must be "Activity"');
  checkKeys(v, ACTIVITY_KEYS, path, 'an Activity');
  checkIri(v['id'], `${path}.id`);
  if (v['definition'] !== undefined) checkDefinition(v['definition'], `${path}.definition`);
}
