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
}

registerEnumType(LearningKind, {
  name: 'LearningKind',
  valuesConfig: {
    ENROLLMENT: { description: 'A class enrollment from the roster.' },
    FACE_TO_FACE: { description: 'A booking on a classroom session, updated as attendance changes.' },
  },
});

/** What a learning item is. The values are what `learning_item.kind` stores. */
export enum LearningItemKind {
  SCORM_PACKAGE = 'SCORM_PACKAGE',
  FACE_TO_FACE_EVENT = 'FACE_TO_FACE_EVENT',
  QUIZ = 'QUIZ',
  COURSE = 'COURSE',
  PATHWAY = 'PATHWAY',
}

registerEnumType(LearningItemKind, { name: 'LearningItemKind' });

/** The item kind each record kind refers to. */
export const ITEM_KIND_OF: Readonly<Record<Exclude<LearningKind, LearningKind.ENROLLMENT>, LearningItemKind>> = {
  [LearningKind.SCORM_ATTEMPT]: LearningItemKind.SCORM_PACKAGE,
  [LearningKind.FACE_TO_FACE]: LearningItemKind.FACE_TO_FACE_EVENT,
  [LearningKind.QUIZ_ATTEMPT]: LearningItemKind.QUIZ,
  [LearningKind.COURSE_COMPLETION]: LearningItemKind.COURSE,
  [LearningKind.PATHWAY_COMPLETION]: LearningItemKind.PATHWAY,
};
