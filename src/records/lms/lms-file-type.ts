import { registerEnumType } from 'type-graphql';
import { type EntryOnlyKind, LearningKind } from '../model/learning-kind';

/** The LMS's outbound data sources, one file type each. */
export enum LmsFileType {
  SCORM = 'SCORM',
  FACE_TO_FACE = 'FACE_TO_FACE',
  QUIZ = 'QUIZ',
  COURSE_COMPLETION = 'COURSE_COMPLETION',
  PATHWAY_COMPLETION = 'PATHWAY_COMPLETION',
}

registerEnumType(LmsFileType, {
  name: 'LmsFileType',
  description: 'Told by the file name when not given: SCORMYYYYMMDD, F2FYYYYMMDD, QuizYYYYMMDD, CompletionYYYYMMDD, Pathway…YYYYMMDD.',
});

/** The record kind each file type fills. */
export const KIND_OF: Readonly<Record<LmsFileType, Exclude<LearningKind, EntryOnlyKind>>> = {
  [LmsFileType.SCORM]: LearningKind.SCORM_ATTEMPT,
  [LmsFileType.FACE_TO_FACE]: LearningKind.FACE_TO_FACE,
  [LmsFileType.QUIZ]: LearningKind.QUIZ_ATTEMPT,
  [LmsFileType.COURSE_COMPLETION]: LearningKind.COURSE_COMPLETION,
  [LmsFileType.PATHWAY_COMPLETION]: LearningKind.PATHWAY_COMPLETION,
};

/**
 * Names as the vendor documents them: the source's title then the collection date, no
 * extension stated (some deliveries add `.csv`). Pathway files have no documented name, so
 * anything starting with `Pathway` is taken. `Completion` alone is course completions.
 */
const NAME = /^(SCORM|F2F|Quiz|Completion|Pathway[A-Za-z_ -]*?)[_ -]?(\d{4})(\d{2})(\d{2})(?:\.csv)?$/i;

export interface LmsFileName {
  readonly type: LmsFileType;
  /** `YYYY-MM-DD`: the day the data was collected, which orders the files. */
  readonly businessDate: string;
}

/** The type and business date a file's name tells, or null for a name the LMS does not use. */
export function parseLmsFileName(name: string): LmsFileName | null {
  const m = NAME.exec(name.trim());
  if (!m) return null;
  const [, prefix, y, mo, d] = m as unknown as [string, string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  const head = prefix.toLowerCase();
  const type = head === 'scorm' ? LmsFileType.SCORM
    : head === 'f2f' ? LmsFileType.FACE_TO_FACE
    : head === 'quiz' ? LmsFileType.QUIZ
    : head === 'completion' ? LmsFileType.COURSE_COMPLETION
    : LmsFileType.PATHWAY_COMPLETION;
  return { type, businessDate: `${y}-${mo}-${d}` };
}

/** Files of one day are applied in this order: completions after the attempts that led to them. */
export const TYPE_ORDER: readonly LmsFileType[] = [
  LmsFileType.FACE_TO_FACE,
  LmsFileType.SCORM,
  LmsFileType.QUIZ,
  LmsFileType.COURSE_COMPLETION,
  LmsFileType.PATHWAY_COMPLETION,
];
