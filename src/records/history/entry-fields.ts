import { LearningKind } from '../model/learning-kind';
import type { LearningStatus } from '../model/learning-status';
import type { HistoryRow } from '../model/record-rows';
import type { LearningHistoryEntry } from './history.types';

/** The fields every timeline entry has, from its row (kinds and statuses are written by code only). */
export function entryFields(row: HistoryRow): Omit<LearningHistoryEntry, 'id'> {
  return {
    userLocalId: row.user_id,
    kind: row.entry_kind as LearningKind,
    source: row.system,
    title: row.title,
    status: row.status as LearningStatus,
    statusText: row.status_text,
    score: row.score === null ? null : Number(row.score),
    occurredAt: row.occurred_at,
    completedAt: row.completed_at,
    validUntil: row.valid_until,
  };
}
