import { LearningStatus } from '../../records';

/**
 * The verbs that say something about a learner's outcome, and the status each becomes. Only
 * these statements turn into learning records: the rest (launched, initialized, answered,
 * progressed, terminated, experienced, ...) describe moments inside an attempt, and one
 * record each would bury the learner's history under dozens of entries per course.
 * ADL verbs, and the cmi5 verbs (satisfied, waived) that mean the same.
 */
export const OUTCOME_VERBS: Readonly<Record<string, LearningStatus>> = {
  'http://adlnet.gov/expapi/verbs/completed': LearningStatus.COMPLETED,
  'http://adlnet.gov/expapi/verbs/passed': LearningStatus.PASSED,
  'http://adlnet.gov/expapi/verbs/mastered': LearningStatus.PASSED,
  'http://adlnet.gov/expapi/verbs/failed': LearningStatus.FAILED,
  'http://adlnet.gov/expapi/verbs/attended': LearningStatus.ATTENDED,
  'http://adlnet.gov/expapi/verbs/registered': LearningStatus.BOOKED,
  'https://w3id.org/xapi/adl/verbs/satisfied': LearningStatus.COMPLETED,
  'https://w3id.org/xapi/adl/verbs/waived': LearningStatus.COMPLETED,
};

/** The mapping as a SQL `values` list `(verb_iri, status)` for set-based joins. */
export function outcomeVerbsSql(): string {
  return Object.entries(OUTCOME_VERBS)
    .map(([iri, status]) => `('${iri.replace(/'/g, "''")}', '${status}')`)
    .join(', ');
}
