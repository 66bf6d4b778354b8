import { toGlobalId } from '../../graphql/relay/global-id';
import { LearningKind } from '../model/learning-kind';
import type { LearningStatus } from '../model/learning-status';
import type { HistoryRow, StatusChangeRow } from '../model/record-rows';
import { isEdReflectEntry, toEdReflectEntry } from './edreflect-entries';
import { entryFields } from './entry-fields';
import { EnrollmentHistoryEntry, FaceToFaceSession, type LearningHistoryEntry, type LearningRecord, LearningStatusChange, RECORD_TYPES, ScormAttempt, XapiStatementRecord, ExternalLearningRecord } from './history.types';

/** A timeline row as its kind's type. Kinds and statuses are written by code only, so the casts hold. */
export function toHistoryEntry(row: HistoryRow): LearningHistoryEntry {
  if (row.entry_kind === LearningKind.ENROLLMENT) return toEnrollmentEntry(row);
  if (isEdReflectEntry(row)) return toEdReflectEntry(row);
  return toLearningRecord(row);
}

export function toLearningRecord(row: HistoryRow): LearningRecord {
  const kind = row.entry_kind as keyof typeof RECORD_TYPES;
  const type = RECORD_TYPES[kind] ?? RECORD_TYPES[LearningKind.COURSE_COMPLETION];
  const record = Object.assign(new type(), entryFields(row), {
    id: toGlobalId(type.name, row.id),
    localId: row.id,
    itemLocalId: row.item_id,
    personLocalId: row.person_id as string,
    attempt: row.attempt,
  });
  if (record instanceof ScormAttempt) record.scoName = (row.details['scoName'] as string | null | undefined) ?? null;
  if (record instanceof FaceToFaceSession) {
    record.sessionId = String(row.details['sessionId'] ?? '');
    // A session's date is where it sits on the timeline; the staged text was local to the source.
    record.sessionDate = row.details['sessionDate'] ? row.occurred_at : null;
  }
  if (record instanceof XapiStatementRecord) {
    record.statementId = String(row.details['statementId'] ?? '');
    record.verb = String(row.details['verb'] ?? '');
    record.activityId = String(row.details['activityId'] ?? '');
    record.registration = (row.details['registration'] as string | null | undefined) ?? null;
  }
  if (record instanceof ExternalLearningRecord) record.externalRecordId = String(row.details['externalRecordId'] ?? '');
  return record;
}

function toEnrollmentEntry(row: HistoryRow): EnrollmentHistoryEntry {
  return Object.assign(new EnrollmentHistoryEntry(), entryFields(row), {
    id: toGlobalId('Enrollment', row.id),
    enrollmentLocalId: row.id,
    classLocalId: String(row.details['classId']),
    role: row.status_text ?? '',
    beginDate: (row.details['beginDate'] as string | null) ?? null,
    endDate: (row.details['endDate'] as string | null) ?? null,
  });
}

export function toStatusChange(row: StatusChangeRow): LearningStatusChange {
  return Object.assign(new LearningStatusChange(), {
    status: row.status as LearningStatus,
    statusText: row.status_text,
    occurredAt: row.occurred_at,
    completedAt: row.completed_at,
    asOf: row.as_of,
    recordedAt: row.recorded_at,
  });
}
