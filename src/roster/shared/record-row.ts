import { raw, type Sql } from '../../db/sql';
import { toGlobalId } from '../../graphql/relay/global-id';
import { parseRosterStatus } from './record-status';
import type { RosterRecord } from './roster-record.type';

/** The common columns as `pg` returns them (bigint as text, timestamptz as Date). */
export interface RecordRow {
  readonly id: string;
  readonly system: string;
  readonly status: string;
  readonly date_last_modified: Date | null;
  readonly deleted_at: Date | null;
  readonly metadata: Record<string, unknown>;
  readonly created_at: Date;
  readonly updated_at: Date;
}

/** Selects the common columns of table alias `a` (trusted text from code). */
export function recordColumns(a: string): string {
  return `${a}.id, ${a}.system, ${a}.status, ${a}.date_last_modified, ${a}.deleted_at, ${a}.metadata, ${a}.created_at, ${a}.updated_at`;
}

/**
 * A `date` column as `YYYY-MM-DD` text: `pg` would otherwise turn it into a JS Date at local
 * midnight, which shifts the day in any zone west of UTC.
 */
export function dateColumn(expr: string, as: string): string {
  return `to_char(${expr}, 'YYYY-MM-DD') as ${as}`;
}

export function selectList(...parts: string[]): Sql {
  return raw(parts.join(', '));
}

/** The common GraphQL fields of a record row. */
export function recordFields(typeName: string, row: RecordRow): Pick<
  RosterRecord,
  'id' | 'localId' | 'system' | 'status' | 'dateLastModified' | 'deletedAt' | 'metadata' | 'createdAt' | 'updatedAt'
> {
  return {
    id: toGlobalId(typeName, row.id),
    localId: row.id,
    system: row.system,
    status: parseRosterStatus(row.status),
    dateLastModified: row.date_last_modified,
    deletedAt: row.deleted_at,
    metadata: row.metadata ?? {},
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
