import type { StagingTable } from '../../ingest';

/**
 * One staging table for every kind of element: a PostgreSQL connection runs one COPY at a
 * time, and an IMS file interleaves people, groups and members, so they stream through a
 * single COPY, each row tagged with its `kind`. Columns a kind does not use stay null. Values
 * are text, as the pipeline stages them; the apply casts them.
 */
export const STAGING_COLUMNS = [
  'ord',
  'kind',
  'path',
  'recstatus',
  'key',
  'source',
  // <person>
  'userid',
  'auth',
  'given',
  'family',
  'fn',
  'email',
  'url',
  'locality',
  'country',
  // <group>
  'title',
  'title_fallback',
  'code',
  'code_fallback',
  'summary',
  'org_units',
  'tf_begin',
  'tf_end',
  'adminperiod',
  // <member> (one row per <role>) and <membership>
  'group_key',
  'membership_ord',
  'enrollment_key',
  'roletype',
  'role',
  'active',
  'begin_date',
  'end_date',
  'cohort',
  'members',
] as const;

export type StagingColumn = (typeof STAGING_COLUMNS)[number];

export const IMS_STAGING: StagingTable = { table: 'stage_ims', columns: STAGING_COLUMNS };

const POSITION = new Map<StagingColumn, number>(STAGING_COLUMNS.map((c, i) => [c, i]));

/** The values of one staging row in column order; unnamed columns are null. */
export function stagingValues(fields: Partial<Record<StagingColumn, string | null | undefined>>): (string | null)[] {
  const values: (string | null)[] = new Array<string | null>(STAGING_COLUMNS.length).fill(null);
  for (const [column, value] of Object.entries(fields) as [StagingColumn, string | null | undefined][]) {
    values[POSITION.get(column) as number] = value ?? null;
  }
  return values;
}
