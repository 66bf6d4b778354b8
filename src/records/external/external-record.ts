import { createHash } from 'node:crypto';
import { ACHIEVED_STATUSES, DEFAULT_STATUS_WORDS, type LearningStatus, statusWord } from '../model/learning-status';

/**
 * One learning record as a system without xAPI sends it (the `pushLearningRecords` input and
 * a row of a records CSV): the fields by their input names, as given.
 */
export interface ExternalRecordFields {
  readonly idempotencyKey?: string | null;
  readonly system?: string | null;
  readonly personId?: string | null;
  readonly email?: string | null;
  readonly recordId?: string | null;
  readonly itemId?: string | null;
  readonly itemTitle?: string | null;
  readonly status?: string | null;
  readonly score?: number | string | null;
  readonly occurredAt?: Date | string | null;
  readonly completedAt?: Date | string | null;
  readonly validUntil?: Date | string | null;
}

/** The field names in input order: the columns of a records CSV, the fields of the input type. */
export const EXTERNAL_RECORD_FIELDS = [
  'idempotencyKey',
  'system',
  'personId',
  'email',
  'recordId',
  'itemId',
  'itemTitle',
  'status',
  'score',
  'occurredAt',
  'completedAt',
  'validUntil',
] as const;
export type ExternalRecordField = (typeof EXTERNAL_RECORD_FIELDS)[number];

/** A record that passed validation, normalised, as staged for the set-based apply. */
export interface ValidExternalRecord {
  readonly idempotency_key: string;
  readonly system: string;
  readonly person_id: string | null;
  readonly email: string | null;
  /** The reconciliation key: the sender's record id, else the idempotency key. */
  readonly record_key: string;
  readonly item_key: string;
  readonly item_title: string;
  readonly status: LearningStatus;
  readonly status_text: string;
  readonly score: number | null;
  readonly occurred_at: string;
  readonly completed_at: string | null;
  readonly valid_until: string | null;
  /** SHA-256 (hex) of the normalised content: a re-send under the same key must match it. */
  readonly content_hash: string;
}

export interface RecordProblem {
  readonly field: ExternalRecordField;
  readonly rule: string;
  readonly message: string;
}

export type Checked = { readonly ok: true; readonly record: ValidExternalRecord } | { readonly ok: false; readonly problem: RecordProblem };

const LIMITS = { key: 200, text: 500 } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** ISO 8601 date or date-time; a date-time needs Z or an offset (a bare local time means nothing without a zone). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const text = (v: string | null | undefined): string | null => (blank(v) ? null : (v as string).trim());

function problem(field: ExternalRecordField, rule: string, message: string): Checked {
  return { ok: false, problem: { field, rule, message: `${field}: ${message}` } };
}

function instant(v: Date | string | null | undefined): Date | null | 'invalid' {
  if (blank(v)) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : v;
  const s = (v as string).trim();
  if (!ISO_DATE.test(s) && !ISO_DATE_TIME.test(s)) return 'invalid';
  const d = new Date(ISO_DATE.test(s) ? `${s}T00:00:00Z` : s.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? 'invalid' : d;
}

/**
 * Messages name the field and the rule, never the value (they become job issues and logs).
 * Checks one record and names the first field that is wrong (field, rule, message). The rules:
 * idempotencyKey, system, itemId and status are required; personId or email (or both) names
 * the person; status is a status word (completed, passed, failed, attended, booked, ...);
 * completedAt is required for the statuses that achieve an item; validUntil, when given,
 * needs such a status and must not precede completedAt. `now` stands in for occurredAt when
 * neither it nor completedAt is given.
 */
export function checkExternalRecord(input: ExternalRecordFields, now: Date): Checked {
  const key = text(input.idempotencyKey);
  if (!key) return problem('idempotencyKey', 'required', 'is required');
  if (key.length > LIMITS.key) return problem('idempotencyKey', 'too_long', `at most ${LIMITS.key} characters`);
  const system = text(input.system);
  if (!system) return problem('system', 'required', 'is required (the sending system, e.g. "hr-elearning")');
  if (system.length > LIMITS.key) return problem('system', 'too_long', `at most ${LIMITS.key} characters`);
  const personId = text(input.personId);
  const email = text(input.email)?.toLowerCase() ?? null;
  if (!personId && !email) return problem('personId', 'person_required', 'personId or email (or both) must name the person');
  if (personId && personId.length > LIMITS.key) return problem('personId', 'too_long', `at most ${LIMITS.key} characters`);
  if (email && !EMAIL.test(email)) return problem('email', 'email_format', 'is not an email address');
  const recordId = text(input.recordId);
  if (recordId && recordId.length > LIMITS.key) return problem('recordId', 'too_long', `at most ${LIMITS.key} characters`);
  const itemId = text(input.itemId);
  if (!itemId) return problem('itemId', 'required', 'is required');
  if (itemId.length > LIMITS.text) return problem('itemId', 'too_long', `at most ${LIMITS.text} characters`);
  const itemTitle = text(input.itemTitle) ?? itemId;
  if (itemTitle.length > LIMITS.text) return problem('itemTitle', 'too_long', `at most ${LIMITS.text} characters`);
  const statusText = text(input.status);
  if (!statusText) return problem('status', 'required', 'is required');
  const status = DEFAULT_STATUS_WORDS[statusWord(statusText)];
  if (!status) return problem('status', 'status_unknown', 'is not a known status word (completed, passed, failed, attended, in progress, not attempted, booked, waitlisted, cancelled, no show)');
  let score: number | null = null;
  if (!blank(input.score)) {
    score = typeof input.score === 'number' ? input.score : Number(String(input.score).trim());
    if (!Number.isFinite(score)) return problem('score', 'number', 'is not a number');
  }
  const occurred = instant(input.occurredAt);
  if (occurred === 'invalid') return problem('occurredAt', 'date_time', 'is not an ISO 8601 date or date-time with a zone (2026-03-01 or 2026-03-01T10:00:00Z)');
  const completed = instant(input.completedAt);
  if (completed === 'invalid') return problem('completedAt', 'date_time', 'is not an ISO 8601 date or date-time with a zone (2026-03-01 or 2026-03-01T10:00:00Z)');
  const validUntil = instant(input.validUntil);
  if (validUntil === 'invalid') return problem('validUntil', 'date_time', 'is not an ISO 8601 date or date-time with a zone (2026-03-01 or 2026-03-01T10:00:00Z)');
  const achieved = ACHIEVED_STATUSES.includes(status);
  if (achieved && !completed) return problem('completedAt', 'required_when_achieved', `is required when the status is ${status}`);
  if (validUntil && !achieved) return problem('validUntil', 'only_when_achieved', `only a COMPLETED, PASSED or ATTENDED record can have one (status is ${status})`);
  if (validUntil && completed && validUntil < completed) return problem('validUntil', 'before_completion', 'is before completedAt');
  const record = {
    idempotency_key: key,
    system,
    person_id: personId,
    email,
    record_key: recordId ?? key,
    item_key: itemId,
    item_title: itemTitle,
    status,
    status_text: statusText,
    score,
    occurred_at: (occurred ?? completed ?? now).toISOString(),
    completed_at: achieved && completed ? completed.toISOString() : null,
    valid_until: validUntil?.toISOString() ?? null,
  };
  // What the sender said, not when we received it: a re-send without occurredAt must hash the same.
  const said = { ...record, occurred_at: (occurred ?? completed)?.toISOString() ?? null };
  return { ok: true, record: { ...record, content_hash: createHash('sha256').update(JSON.stringify(said)).digest('hex') } };
}
