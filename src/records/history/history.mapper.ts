import { lazyGlobalId } from '../model/lazy-global-id';
import { LearningKind } from '../model/learning-kind';
import type { LearningStatus } from '../model/learning-status';
import type { HistoryRow, StatusChangeRow } from '../model/record-rows';
import { isEdReflectEntry, toEdReflectEntry } from './edreflect-entries';
import { detailsOf, setEntryFields } from './entry-fields';
import { EnrollmentHistoryEntry, FaceToFaceSession, type LearningHistoryEntry, LearningRecord, LearningStatusChange, RECORD_TYPES, ScormAttempt, XapiStatementRecord, ExternalLearningRecord } from './history.types';

// A record's global id names its own type (ScormAttempt, ...); an enrollment entry's is the Enrollment's.
lazyGlobalId(LearningRecord, 'localId');
lazyGlobalId(EnrollmentHistoryEntry, 'enrollmentLocalId', () => 'Enrollment');

/** A timeline row as its kind's type. Kinds and statuses are written by code only, so the casts hold. */
export function toHistoryEntry(row: HistoryRow): LearningHistoryEntry {
  if (row.entry_kind === LearningKind.ENROLLMENT) return toEnrollmentEntry(row);
  if (isEdReflectEntry(row)) return toEdReflectEntry(row);
  return toLearningRecord(row);
}

export function toLearningRecord(row: HistoryRow): LearningRecord {
  const details = detailsOf(row);
  const kind = row.entry_kind as keyof typeof RECORD_TYPES;
  const type = RECORD_TYPES[kind] ?? RECORD_TYPES[LearningKind.COURSE_COMPLETION];
  const record = setEntryFields(new type(), row);
  record.localId = row.id;
  record.itemLocalId = row.item_id;
  record.personLocalId = row.person_id as string;
  record.attempt = row.attempt;
  if (record instanceof ScormAttempt) record.scoName = (details['scoName'] as string | null | undefined) ?? null;
  else if (record instanceof FaceToFaceSession) {
    record.sessionId = String(details['sessionId'] ?? '');
    // A session's date is where it sits on the timeline; the staged text was local to the source.
    record.sessionDate = details['sessionDate'] ? row.occurred_at : null;
  } else if (record instanceof XapiStatementRecord) {
    record.statementId = String(details['statementId'] ?? '');
    record.verb = String(details['verb'] ?? '');
    record.activityId = String(details['activityId'] ?? '');
    record.registration = (details['registration'] as string | null | undefined) ?? null;
  } else if (record instanceof ExternalLearningRecord) record.externalRecordId = String(details['externalRecordId'] ?? '');
  return record;
}

function toEnrollmentEntry(row: HistoryRow): EnrollmentHistoryEntry {
  const entry = setEntryFields(new EnrollmentHistoryEntry(), row);
  const details = detailsOf(row);
  entry.enrollmentLocalId = row.id;
  entry.classLocalId = String(details['classId']);
  entry.role = row.status_text ?? '';
  entry.beginDate = (details['beginDate'] as string | null) ?? null;
  entry.endDate = (details['endDate'] as string | null) ?? null;
  return entry;
}

export function toStatusChange(row: StatusChangeRow): LearningStatusChange {
  const change = new LearningStatusChange();
  change.status = row.status as LearningStatus;
  change.statusText = row.status_text;
  change.occurredAt = row.occurred_at;
  change.completedAt = row.completed_at;
  change.asOf = row.as_of;
  change.recordedAt = row.recorded_at;
  return change;
}
