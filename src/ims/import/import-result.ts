import type { Counts } from '../../jobs/progress-reporter';

/**
 * What an IMS import did, per kind of element: `persons`, `groups`, `memberships` (one per
 * `<member>` role) with added / updated / deleted / unchanged, `skipped` (not applied, a
 * WARNING says why) and `rejected` (not applied, an ERROR says why); `linked` (people and
 * courses matched to records of other sources); and what the import made along the way:
 * `classGroups`, `classGroupMembers`, `orgs`.
 */
export interface ImsImportResult {
  /** The job that applied the same file with the same options before, when this was a duplicate. */
  readonly duplicateOfJob: string | null;
  /** The file does not name the configured target; nothing was applied. */
  readonly targetMismatch: boolean;
  readonly entities: Record<string, Record<string, number>>;
  readonly totals: Required<Counts>;
}

/** The elements of an IMS file, whose counts make the job's row totals. */
const ELEMENTS = ['persons', 'groups', 'memberships'];

/**
 * The job's row totals from the elements' counts: a skipped element changed nothing, so it
 * counts as unchanged there (its WARNING is in the issues).
 */
export function finishCounts(entities: Record<string, Record<string, number>>): { entities: Record<string, Record<string, number>>; totals: Required<Counts> } {
  const totals = { added: 0, updated: 0, deleted: 0, unchanged: 0, rejected: 0 };
  for (const name of ELEMENTS) {
    const c = entities[name] ?? {};
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += c[key] ?? 0;
    totals.unchanged += c['skipped'] ?? 0;
  }
  return { entities, totals };
}
