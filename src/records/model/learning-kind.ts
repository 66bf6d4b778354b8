import { registerEnumType } from 'type-graphql';

/**
 * The kinds of entry on a learner's timeline. The values are what `learning_record.kind`
 * stores; ENROLLMENT entries come from the roster's enrollments, never from that table. Later
 * sources add kinds here (xAPI statements, EdReflect observations) with a type each.
 */
export enum LearningKind {
  ENROLLMENT = 'ENROLLMENT',
  SCORM_ATTEMPT = 'SCORM_ATTEMPT',
  FACE_TO_FACE = 'FACE_TO_FACE',
  QUIZ_ATTEMPT = 'QUIZ_ATTEMPT',
  COURSE_COMPLETION = 'COURSE_COMPLETION',
  PATHWAY_COMPLETION = 'PATHWAY_COMPLETION',
  XAPI_STATEMENT = 'XAPI_STATEMENT',
  EXTERNAL_RECORD = 'EXTERNAL_RECORD',
  EDREFLECT_OBSERVATION = 'EDREFLECT_OBSERVATION',
  EDREFLECT_GOAL = 'EDREFLECT_GOAL',
}

/** Timeline entries that are not learning records: no item, not stored in learning_record. */
export type EntryOnlyKind = LearningKind.ENROLLMENT | LearningKind.EDREFLECT_OBSERVATION | LearningKind.EDREFLECT_GOAL;

registerEnumType(LearningKind, {
  name: 'LearningKind',
  valuesConfig: {
    ENROLLMENT: { description: 'A class enrollment from the roster.' },
    EDREFLECT_OBSERVATION: { description: 'An EdReflect observation of the user (read from the EdReflect export).' },
    EDREFLECT_GOAL: { description: 'An EdReflect goal the user owns (read from the EdReflect export).' },
    FACE_TO_FACE: { description: 'A booking on a classroom session, updated as attendance changes.' },
    XAPI_STATEMENT: { description: 'An xAPI statement with an outcome verb (completed, passed, failed, attended, ...) stored by the LRS or pulled from another.' },
    EXTERNAL_RECORD: { description: 'A record pushed by another system (`pushLearningRecords`) or uploaded as CSV (`importLearningRecords`).' },
  },
});

/** What a learning item is. The values are what `learning_item.kind` stores. */
export enum LearningItemKind {
  SCORM_PACKAGE = 'SCORM_PACKAGE',
  FACE_TO_FACE_EVENT = 'FACE_TO_FACE_EVENT',
  QUIZ = 'QUIZ',
  COURSE = 'COURSE',
  PATHWAY = 'PATHWAY',
  XAPI_ACTIVITY = 'XAPI_ACTIVITY',
  EXTERNAL_ITEM = 'EXTERNAL_ITEM',
}

registerEnumType(LearningItemKind, { name: 'LearningItemKind' });

/** The item kind each record kind refers to. */
export const ITEM_KIND_OF: Readonly<Record<Exclude<LearningKind, EntryOnlyKind>, LearningItemKind>> = {
  [LearningKind.SCORM_ATTEMPT]: LearningItemKind.SCORM_PACKAGE,
  [LearningKind.FACE_TO_FACE]: LearningItemKind.FACE_TO_FACE_EVENT,
  [LearningKind.QUIZ_ATTEMPT]: LearningItemKind.QUIZ,
  [LearningKind.COURSE_COMPLETION]: LearningItemKind.COURSE,
  [LearningKind.PATHWAY_COMPLETION]: LearningItemKind.PATHWAY,
  [LearningKind.XAPI_STATEMENT]: LearningItemKind.XAPI_ACTIVITY,
  [LearningKind.EXTERNAL_RECORD]: LearningItemKind.EXTERNAL_ITEM,
};
