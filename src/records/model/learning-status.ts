import { registerEnumType } from 'type-graphql';

/** Where a record stands, whatever words its source used. The values are what the tables store. */
export enum LearningStatus {
  ENROLLED = 'ENROLLED',
  BOOKED = 'BOOKED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
  NOT_ATTEMPTED = 'NOT_ATTEMPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(LearningStatus, {
  name: 'LearningStatus',
  valuesConfig: {
    UNKNOWN: { description: 'The source used a word no status map knows; `statusText` has it.' },
  },
});

/** Statuses that achieve the item: they set `completedAt` and so start the validity period. */
export const ACHIEVED_STATUSES: readonly LearningStatus[] = [LearningStatus.COMPLETED, LearningStatus.PASSED, LearningStatus.ATTENDED];

/**
 * How sources' words map to statuses, lower-cased with runs of spaces, `-` and `_` made one
 * space. learnPro and Moodle words are here; a source's `statusMap` adds or overrides.
 */
export const DEFAULT_STATUS_WORDS: Readonly<Record<string, LearningStatus>> = {
  completed: LearningStatus.COMPLETED,
  complete: LearningStatus.COMPLETED,
  finished: LearningStatus.COMPLETED,
  passed: LearningStatus.PASSED,
  pass: LearningStatus.PASSED,
  failed: LearningStatus.FAILED,
  fail: LearningStatus.FAILED,
  incomplete: LearningStatus.IN_PROGRESS,
  'in progress': LearningStatus.IN_PROGRESS,
  inprogress: LearningStatus.IN_PROGRESS,
  started: LearningStatus.IN_PROGRESS,
  browsed: LearningStatus.IN_PROGRESS,
  'not attempted': LearningStatus.NOT_ATTEMPTED,
  'not started': LearningStatus.NOT_ATTEMPTED,
  booked: LearningStatus.BOOKED,
  registered: LearningStatus.BOOKED,
  enrolled: LearningStatus.BOOKED,
  waitlisted: LearningStatus.WAITLISTED,
  'wait listed': LearningStatus.WAITLISTED,
  'waiting list': LearningStatus.WAITLISTED,
  attended: LearningStatus.ATTENDED,
  present: LearningStatus.ATTENDED,
  'no show': LearningStatus.NO_SHOW,
  noshow: LearningStatus.NO_SHOW,
  'did not attend': LearningStatus.NO_SHOW,
  dna: LearningStatus.NO_SHOW,
  absent: LearningStatus.NO_SHOW,
  cancelled: LearningStatus.CANCELLED,
  canceled: LearningStatus.CANCELLED,
};

/** The form status words are compared in. */
export function statusWord(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}
