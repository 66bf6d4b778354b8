/**
 * A realistic synthetic EdReflect offboarding export: every file group and table of the
 * product summary, plausible columns, ids that reference each other (every child row carries
 * its group model's `<model>Id` and its parent's `<parent>Id`), rubric indicators nested four
 * levels deep, old→new id join tables, and a change-only export derived from it.
 * Deterministic: the same call writes the same bytes. Used by tests and usable from bench/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Table {
  readonly columns: string[];
  rows: Record<string, string>[];
}

/** Table name (file name without `.csv`) → table. */
export type Export = Map<string, Table>;

/** Every group's tables; '' is the group's own table. Indicators nest to level 4. */
export const GROUP_TABLES: Readonly<Record<string, readonly string[]>> = {
  artifacts: [''],
  assignments: ['', 'learners', 'observers', 'learnerGroups', 'observerGroups'],
  'eoy.Classifications': [''],
  evidences: ['', 'goals', 'indicators'],
  goals: ['', 'alignedIndicators', 'comments', 'comments.replies', 'posts', 'posts.attachments', 'questions', 'users'],
  groups: ['', 'reports', 'roles', 'rubrics'],
  observationTemplates: [
    '', 'activities', 'activities.alignedIndicators', 'activities.steps', 'activities.steps.forms', 'activities.steps.forms.elements',
    'activities.steps.forms.elements.choices', 'learnerGroupLimits', 'observerGroupLimits',
  ],
  observations: [
    '', 'activityMeetingNotes', 'activityMeetingNotes.content', 'readOnlyObservers', 'work', 'work.evaluations', 'work.evaluations.indicators',
    'work.evaluations.indicators.comments', 'work.evaluations.indicators.proficiencyLevelSubitemIndex', 'work.steps', 'work.steps.artifacts',
    'work.steps.evidences', 'work.steps.formElements', 'work.steps.snapshots', 'work.steps.statusMessages',
  ],
  ratings: ['', 'sets', 'sets.selections', 'sets.selections.subitemIndexes'],
  rubrics: [
    '', 'proficiencyLevels', 'standards', 'indicators', 'indicators.indicators', 'indicators.indicators.indicators',
    'indicators.indicators.indicators.indicators', 'indicators.indicators.proficiencyLevels', 'standards.indicators.proficiencyLevels',
  ],
  sloTemplates: ['', 'questions', 'questions.choices', 'groups'],
  slos: ['', 'learners', 'goals', 'targets', 'targets.scores', 'evidence', 'comments', 'comments.replies', 'approvals', 'history'],
  snapshots: ['', 'items', 'items.values'],
  users: ['', 'roles', 'groups', 'schools', 'customFields', 'externalIds', 'tags', 'preferences', 'logins'],
};

/** Link tables: no id of their own, as in the product (`assignments.learners`). */
const LINK_TABLES = new Set(['assignments.learners', 'assignments.observers', 'assignments.learnerGroups', 'assignments.observerGroups', 'goals.users', 'groups.rubrics', 'observations.readOnlyObservers']);

/** Old→new id join tables, as in `export/all`. */
const JOIN_TABLES = ['artifact_ids', 'goal_ids', 'indicator_ids', 'rubric_ids', 'user_ids'];

const ROOTS_PER_GROUP = 3;

/** Tables whose rows rate or align to a rubric indicator (column `indicatorId`). */
const RATING_TABLES = ['observations.work.evaluations.indicators', 'goals.alignedIndicators', 'evidences.indicators'];

export function singularOf(word: string): string {
  const last = word.split('.').pop() ?? word;
  const lower = last.charAt(0).toLowerCase() + last.slice(1);
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (/(ss|us)$/.test(lower)) return lower;
  return lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

class Ids {
  private n = 0;
  next(): string {
    this.n++;
    return `5f${this.n.toString(16).padStart(22, '0')}`;
  }
}

const at = (day: number): string => new Date(Date.UTC(2024, 0, 1 + day, 8, 30)).toISOString();

/** The full export. */
export function generateFullExport(): Export {
  const ids = new Ids();
  const out: Export = new Map();
  const users: string[] = [];
  // Users first: every other group refers to them.
  const groups = Object.entries(GROUP_TABLES).sort(([a], [b]) => Number(b === 'users') - Number(a === 'users'));
  for (const [group, parts] of groups) {
    const rootColumn = `${singularOf(group)}Id`;
    for (const part of parts) {
      const table = part ? `${group}.${part}` : group;
      const segments = part ? part.split('.') : [];
      const columns = columnsOf(group, table, segments, rootColumn);
      const rows: Record<string, string>[] = [];
      const parents = part ? parentRows(out, group, segments) : [null];
      const perParent = part ? (segments.length >= 3 ? 1 : 2) : group === 'users' ? 6 : ROOTS_PER_GROUP;
      for (const parent of parents) {
        for (let k = 0; k < perParent; k++) {
          const row = rowOf(table, columns, k, rows.length, ids, users);
          if (parent) {
            row[rootColumn] = part ? (parent[rootColumn] ?? parent['id'] ?? '') : '';
            const parentColumn = segments.length >= 2 ? `${singularOf(segments[segments.length - 2] as string)}Id` : null;
            if (parentColumn && parentColumn !== rootColumn) row[parentColumn] = parent['id'] ?? '';
          }
          rows.push(row);
        }
      }
      if (table === 'users') users.push(...rows.map((r) => r['id'] ?? ''));
      out.set(table, { columns, rows });
    }
  }
  // Observations rate against a rubric; rubrics are written after observations, so link them now.
  const rubrics = out.get('rubrics')?.rows ?? [];
  for (const [i, o] of (out.get('observations')?.rows ?? []).entries()) o['rubricId'] = rubrics[i % rubrics.length]?.['id'] ?? '';
  // Ratings and alignments name the rubric indicator (a domain) they are about.
  const domains = out.get('rubrics.indicators')?.rows ?? [];
  for (const table of RATING_TABLES) {
    const t = out.get(table);
    if (!t) continue;
    t.columns.splice(t.columns.indexOf('name'), 0, 'indicatorId');
    for (const [i, r] of t.rows.entries()) r['indicatorId'] = domains[i % domains.length]?.['id'] ?? '';
  }
  for (const join of JOIN_TABLES) {
    const rows = [0, 1].map((i) => ({ oldId: `legacy-${join}-${i}`, newId: ids.next() }));
    out.set(join, { columns: ['oldId', 'newId'], rows });
  }
  return out;
}

function columnsOf(group: string, table: string, segments: readonly string[], rootColumn: string): string[] {
  const columns = LINK_TABLES.has(table) ? [] : ['id'];
  if (segments.length > 0) columns.push(rootColumn);
  if (segments.length >= 2) {
    const parentColumn = `${singularOf(segments[segments.length - 2] as string)}Id`;
    if (parentColumn !== rootColumn) columns.push(parentColumn);
  }
  const last = segments[segments.length - 1] ?? group;
  if (table === 'users') columns.push('email', 'firstName', 'lastName', 'employeeId', 'isActive');
  else if (last === 'indicators' && group === 'rubrics') columns.push('name', 'code', 'sortOrder', 'level');
  else if (LINK_TABLES.has(table)) columns.push('userId');
  else if (table === 'observations') columns.push('name', 'observerId', 'learnerId', 'rubricId', 'score', 'isPublished', 'observedAt');
  else if (table === 'goals') columns.push('title', 'ownerId', 'dueDate', 'progress');
  else columns.push('name', 'createdBy', 'sortOrder');
  if (!LINK_TABLES.has(table)) columns.push('createdAt', 'lastModified', 'notes');
  return columns;
}

function rowOf(table: string, columns: readonly string[], k: number, index: number, ids: Ids, users: readonly string[]): Record<string, string> {
  const row: Record<string, string> = {};
  const user = (i: number): string => users[i % Math.max(1, users.length)] ?? '';
  for (const c of columns) {
    switch (c) {
      case 'id': row[c] = ids.next(); break;
      case 'email': row[c] = `teacher${index + 1}@district.example.org`; break;
      case 'firstName': row[c] = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald'][index % 6] ?? 'Sam'; break;
      case 'lastName': row[c] = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth'][index % 6] ?? 'Lee'; break;
      case 'employeeId': row[c] = `E${1000 + index}`; break;
      case 'isActive': case 'isPublished': row[c] = index % 3 === 2 ? 'false' : 'true'; break;
      case 'name': case 'title': row[c] = `${table.split('.').pop()} ${index + 1}${k ? `, part ${k + 1}` : ''}`; break;
      case 'code': row[c] = `${index + 1}.${k + 1}`; break;
      case 'sortOrder': case 'level': row[c] = String(k + 1); break;
      case 'userId': case 'observerId': case 'ownerId': case 'createdBy': row[c] = user(index); break;
      case 'learnerId': row[c] = user(index + 1); break;
      case 'score': row[c] = (2 + (index % 3) * 0.5).toFixed(1); break;
      case 'progress': row[c] = String((index * 17) % 100); break;
      case 'dueDate': row[c] = `2024-06-${String(10 + index).padStart(2, '0')}`; break;
      case 'observedAt': case 'createdAt': row[c] = at(index); break;
      case 'lastModified': row[c] = at(index + 30); break;
      case 'notes': row[c] = index % 2 ? '' : `Line one, "quoted"\nline two`; break;
      default: row[c] = ''; // filled by the caller (root and parent ids)
    }
  }
  return row;
}

/** The rows a nested table hangs under: its parent table's, or a same-named table of the group. */
function parentRows(out: Export, group: string, segments: readonly string[]): Record<string, string>[] {
  if (segments.length === 1) return out.get(group)?.rows ?? [];
  const parentTable = `${group}.${segments.slice(0, -1).join('.')}`;
  const direct = out.get(parentTable);
  if (direct) return direct.rows;
  // `rubrics.standards.indicators.proficiencyLevels` hangs under rubric indicators.
  return out.get(`${group}.${segments[segments.length - 2]}`)?.rows ?? [];
}

/** What a change-only export sends, and the full state after it. */
export interface ChangeSet {
  readonly changes: Export;
  readonly after: Export;
  /** group → ids listed as changed. */
  readonly changed: Map<string, string[]>;
}

/**
 * The next day's change-only export: the first rubric renamed with one level-4 indicator
 * removed and one added, the last user deleted, the first user's email changed, and a new
 * observation. Each changed model is listed in `changed.<group>.csv` with its whole new state.
 */
export function generateChanges(full: Export): ChangeSet {
  const after: Export = new Map([...full].map(([t, v]) => [t, { columns: [...v.columns], rows: v.rows.map((r) => ({ ...r })) }]));
  const changed = new Map<string, string[]>();
  const rows = (t: string): Record<string, string>[] => (after.get(t) as Table).rows;

  const rubric = rows('rubrics')[0] as Record<string, string>;
  rubric['name'] = 'rubrics 1 (2024 revision)';
  const level4 = rows('rubrics.indicators.indicators.indicators.indicators');
  const removedIndex = level4.findIndex((r) => r['rubricId'] === rubric['id']);
  const template = level4[removedIndex] as Record<string, string>;
  level4.splice(removedIndex, 1);
  level4.push({ ...template, id: '6a0000000000000000000001', name: 'indicators added', code: '9.9' });
  changed.set('rubrics', [rubric['id'] as string]);

  const users = rows('users');
  const removedUser = users.pop() as Record<string, string>;
  const first = users[0] as Record<string, string>;
  first['email'] = 'ada.lovelace@district.example.org';
  for (const t of GROUP_TABLES['users'] ?? []) {
    if (!t) continue;
    const table = after.get(`users.${t}`) as Table;
    table.rows = table.rows.filter((r) => r['userId'] !== removedUser['id']);
  }
  changed.set('users', [first['id'] as string, removedUser['id'] as string]);

  const observations = rows('observations');
  const observation = { ...(observations[0] as Record<string, string>), id: '6a0000000000000000000002', name: 'observations new' };
  observations.push(observation);
  changed.set('observations', [observation['id'] as string]);

  const changes: Export = new Map();
  for (const [group, ids] of changed) {
    const rootColumn = `${singularOf(group)}Id`;
    for (const part of GROUP_TABLES[group] ?? []) {
      const table = part ? `${group}.${part}` : group;
      const t = after.get(table) as Table;
      const key = part ? rootColumn : 'id';
      changes.set(table, { columns: t.columns, rows: t.rows.filter((r) => ids.includes(r[key] ?? '')) });
    }
    changes.set(`changed.${group}`, { columns: ['id'], rows: ids.map((id) => ({ id })) });
  }
  return { changes, after, changed };
}

/** Writes every table as `<table>.csv` (RFC 4180, quoted when needed) into `dir`. */
export function writeExport(dir: string, data: Export): string {
  mkdirSync(dir, { recursive: true });
  for (const [table, { columns, rows }] of data) {
    const lines = [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? '')).join(','))];
    writeFileSync(path.join(dir, `${table}.csv`), `${lines.join('\r\n')}\r\n`);
  }
  return dir;
}

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows a table has in an export, counted per table. */
export function rowCounts(data: Export): Record<string, number> {
  return Object.fromEntries([...data].map(([t, v]) => [t, v.rows.length]));
}
