import type { LearningKind } from '../model/learning-kind';
import type { LearningStatus } from '../model/learning-status';
import type { HistoryRow } from '../model/record-rows';
import type { LearningHistoryEntry } from './history.types';

/**
 * Sets the fields every timeline entry has on `entry`, from its row (kinds and statuses are
 * written by code only). Written onto the entry itself, not merged from an intermediate
 * object: a page maps hundreds of rows.
 */
export function setEntryFields<T extends LearningHistoryEntry>(entry: T, row: HistoryRow): T {
  entry.userLocalId = row.user_id;
  entry.kind = row.entry_kind as LearningKind;
  entry.source = row.system;
  entry.title = row.title;
  entry.status = row.status as LearningStatus;
  entry.statusText = row.status_text;
  entry.score = row.score == null ? null : Number(row.score);
  entry.occurredAt = row.occurred_at;
  entry.completedAt = row.completed_at;
  entry.validUntil = row.valid_until;
  return entry;
}

/** A timeline page that selected no `details` (timeline-columns.ts) maps as if they were empty. */
const NO_DETAILS: Readonly<Record<string, unknown>> = Object.freeze({});

export function detailsOf(row: HistoryRow): Readonly<Record<string, unknown>> {
  return row.details ?? NO_DETAILS;
}
