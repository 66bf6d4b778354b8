import { Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { Node } from '../../graphql/relay/node.interface';
import { LocalDate } from '../../roster';
import { LearningKind } from '../model/learning-kind';
import { LearningStatus } from '../model/learning-status';

/**
 * One entry of a learner's timeline, whatever its source: an enrollment, an LMS attempt or
 * completion, and (later) xAPI statements and EdReflect items. Each kind is its own type with
 * its own fields; these are the ones every kind has, so a timeline renders without knowing
 * them all.
 */
@InterfaceType('LearningHistoryEntry', {
  description: "An entry of a learner's timeline. Each kind is a type of its own; these fields are common to all.",
})
export abstract class LearningHistoryEntry {
  /** The user the entry belongs to; null while a record is unmatched. */
  userLocalId!: string | null;

  @Field(() => ID, { description: 'The global id of the underlying record (an Enrollment id for enrollments); refetch with `node(id)`.' })
  id!: string;

  @Field(() => LearningKind)
  kind!: LearningKind;

  @Field(() => String, { description: 'The source system (`lms`, a roster system).' })
  source!: string;

  @Field(() => String, { description: 'The item’s name (for enrollments, the class’s title).' })
  title!: string;

  @Field(() => LearningStatus)
  status!: LearningStatus;

  @Field(() => String, { nullable: true, description: 'The status as the source wrote it (an enrollment: its role).' })
  statusText!: string | null;

  @Field(() => Float, { nullable: true })
  score!: number | null;

  @Field(() => Date, { description: 'Where the entry sits on the timeline: the session date, the completion date, the enrollment’s begin date.' })
  occurredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was completed, passed or attended.' })
  completedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'completedAt + the item’s validity period; null when it never expires or is not complete.' })
  validUntil!: Date | null;
}

/** A record from a learning source (not an enrollment): it has an item, a person and a history. */
@InterfaceType('LearningRecord', { implements: [LearningHistoryEntry, Node], description: 'A record from a learning source (the LMS, later an LRS).' })
export abstract class LearningRecord extends LearningHistoryEntry {
  localId!: string;
  itemLocalId!: string | null;
  personLocalId!: string;

  @Field(() => Int, { nullable: true })
  attempt!: number | null;
}

@ObjectType('ScormAttempt', { implements: [LearningRecord, LearningHistoryEntry, Node], description: 'An attempt at a SCORM package, keyed by learner, package, sco and attempt number.' })
export class ScormAttempt extends LearningRecord {
  @Field(() => String, { nullable: true })
  scoName!: string | null;
}

@ObjectType('FaceToFaceSession', {
  implements: [LearningRecord, LearningHistoryEntry, Node],
  description: 'A booking on a classroom session, keyed by learner and session id; `statusHistory` keeps every change (booked, attended, ...).',
})
export class FaceToFaceSession extends LearningRecord {
  @Field(() => String)
  sessionId!: string;

  @Field(() => Date, { nullable: true })
  sessionDate!: Date | null;
}

@ObjectType('QuizAttempt', { implements: [LearningRecord, LearningHistoryEntry, Node], description: 'An attempt at a quiz, keyed by learner, quiz and attempt number.' })
export class QuizAttempt extends LearningRecord {}

@ObjectType('CourseCompletion', { implements: [LearningRecord, LearningHistoryEntry, Node], description: 'A course completion, keyed by learner and course.' })
export class CourseCompletion extends LearningRecord {}

@ObjectType('PathwayCompletion', { implements: [LearningRecord, LearningHistoryEntry, Node], description: 'A pathway completion, keyed by learner, pathway and attempt.' })
export class PathwayCompletion extends LearningRecord {}

@ObjectType('XapiStatementRecord', {
  implements: [LearningRecord, LearningHistoryEntry, Node],
  description: 'An xAPI statement with an outcome verb, keyed by statement id; voiding the statement withdraws the record.',
})
export class XapiStatementRecord extends LearningRecord {
  @Field(() => String, { description: 'The id of the statement the record comes from.' })
  statementId!: string;

  @Field(() => String, { description: 'The verb IRI (http://adlnet.gov/expapi/verbs/passed, ...).' })
  verb!: string;

  @Field(() => String, { description: 'The activity IRI (the item’s source key).' })
  activityId!: string;

  @Field(() => String, { nullable: true, description: 'The statement’s context registration (an attempt or enrolment), when given.' })
  registration!: string | null;
}

@ObjectType('ExternalLearningRecord', {
  implements: [LearningRecord, LearningHistoryEntry, Node],
  description: 'A record another system pushed or uploaded, keyed by that system’s record id (or the idempotency key when it sends none).',
})
export class ExternalLearningRecord extends LearningRecord {
  @Field(() => String, { description: 'The sending system’s key for the record.' })
  externalRecordId!: string;
}

@ObjectType('EnrollmentHistoryEntry', { implements: LearningHistoryEntry, description: 'A class enrollment on the timeline, at its begin date.' })
export class EnrollmentHistoryEntry extends LearningHistoryEntry {
  enrollmentLocalId!: string;
  classLocalId!: string;

  @Field(() => String, { description: 'student, teacher, ...' })
  role!: string;

  @Field(() => LocalDate, { nullable: true })
  beginDate!: string | null;

  @Field(() => LocalDate, { nullable: true })
  endDate!: string | null;
}

@ObjectType('LearningStatusChange', { description: 'A status a record had, from the file that said so.' })
export class LearningStatusChange {
  @Field(() => LearningStatus)
  status!: LearningStatus;

  @Field(() => String, { nullable: true })
  statusText!: string | null;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => LocalDate, { description: 'The business day of the file that said it.' })
  asOf!: string;

  @Field(() => Date, { description: 'When we learnt it.' })
  recordedAt!: Date;
}

/** Record types by stored kind; adding a kind adds a line here and a type above. */
export const RECORD_TYPES = {
  [LearningKind.SCORM_ATTEMPT]: ScormAttempt,
  [LearningKind.FACE_TO_FACE]: FaceToFaceSession,
  [LearningKind.QUIZ_ATTEMPT]: QuizAttempt,
  [LearningKind.COURSE_COMPLETION]: CourseCompletion,
  [LearningKind.PATHWAY_COMPLETION]: PathwayCompletion,
  [LearningKind.XAPI_STATEMENT]: XapiStatementRecord,
  [LearningKind.EXTERNAL_RECORD]: ExternalLearningRecord,
} as const;

/** Global id type names of records (their GraphQL type names). */
export const RECORD_TYPE_NAMES: readonly string[] = Object.values(RECORD_TYPES).map((t) => t.name);

export const LearningHistoryConnection = Connection(LearningHistoryEntry as unknown as new () => LearningHistoryEntry, 'LearningHistory');
export type LearningHistoryConnection = InstanceType<typeof LearningHistoryConnection>;

export const LearningRecordConnection = Connection(LearningRecord as unknown as new () => LearningRecord, 'LearningRecord');
export type LearningRecordConnection = InstanceType<typeof LearningRecordConnection>;

