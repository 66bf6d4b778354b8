import { registerEnumType } from 'type-graphql';
import { LmsFileType } from './lms-file-type';

/**
 * Our names for the LMS's columns, whatever headers the vendor prints for them. The values
 * are the names identity rules and stored options use (`uniqueid`, `username`, ...).
 */
export enum LmsField {
  USERNAME = 'username',
  UNIQUE_ID = 'uniqueid',
  DATE = 'date',
  ITEM_NAME = 'itemName',
  SCO_NAME = 'scoName',
  STATUS = 'status',
  ATTEMPT = 'attempt',
  SCORE = 'score',
  SESSION_ID = 'sessionId',
  SESSION_DATE = 'sessionDate',
  COMPLETION_DATE = 'completionDate',
}

registerEnumType(LmsField, {
  name: 'LmsField',
  valuesConfig: {
    ITEM_NAME: { description: 'SCORM Name, Face to Face Name, Quiz Name, Course Name or Pathway Name.' },
    UNIQUE_ID: { description: "The LMS's `uniqueid`: by default the staff number (identifier) and the account id link keys tie to." },
  },
});

/** The fields people are identified by; identity rules may name only these. */
export const IDENTITY_FIELDS: readonly LmsField[] = [LmsField.USERNAME, LmsField.UNIQUE_ID];

export interface FieldSpec {
  readonly field: LmsField;
  /** Accepted headers, first found wins; the column map replaces them. */
  readonly headers: readonly string[];
  /** The file must have a column for it (identity fields: when a rule names them). */
  readonly required: boolean;
}

const COMMON: readonly FieldSpec[] = [
  { field: LmsField.USERNAME, headers: ['username'], required: false },
  { field: LmsField.UNIQUE_ID, headers: ['uniqueid'], required: false },
  { field: LmsField.DATE, headers: ['Date'], required: true },
];

/**
 * Each file type's columns as the vendor's outbound sync document lists them (one version
 * of it calls the face-to-face name "Class title", and SCORM's score "Score (If Applicable)").
 */
export const FILE_FIELDS: Readonly<Record<LmsFileType, readonly FieldSpec[]>> = {
  [LmsFileType.SCORM]: [
    ...COMMON,
    { field: LmsField.ITEM_NAME, headers: ['SCORM Name'], required: true },
    { field: LmsField.SCO_NAME, headers: ['Sco Name'], required: false },
    { field: LmsField.STATUS, headers: ['Status'], required: true },
    { field: LmsField.ATTEMPT, headers: ['Attempt Number'], required: false },
    { field: LmsField.SCORE, headers: ['Score', 'Score (If Applicable)'], required: false },
  ],
  [LmsFileType.FACE_TO_FACE]: [
    ...COMMON,
    { field: LmsField.ITEM_NAME, headers: ['Face to Face Name', 'Class title'], required: true },
    { field: LmsField.SESSION_ID, headers: ['Session ID'], required: true },
    { field: LmsField.SESSION_DATE, headers: ['Session Date'], required: false },
    { field: LmsField.STATUS, headers: ['Status'], required: true },
  ],
  [LmsFileType.QUIZ]: [
    ...COMMON,
    { field: LmsField.ITEM_NAME, headers: ['Quiz Name'], required: true },
    { field: LmsField.ATTEMPT, headers: ['Attempt Number'], required: false },
    { field: LmsField.SCORE, headers: ['Score'], required: false },
    { field: LmsField.STATUS, headers: ['Status'], required: true },
  ],
  [LmsFileType.COURSE_COMPLETION]: [...COMMON, { field: LmsField.ITEM_NAME, headers: ['Course Name'], required: true }],
  [LmsFileType.PATHWAY_COMPLETION]: [
    ...COMMON,
    { field: LmsField.ITEM_NAME, headers: ['Pathway Name'], required: true },
    { field: LmsField.COMPLETION_DATE, headers: ['Completion Date'], required: false },
    { field: LmsField.ATTEMPT, headers: ['Attempt'], required: false },
  ],
};

/** Reads a field name as stored options write it: the enum's value or its name, any case. */
export function lmsFieldNamed(name: string): LmsField | undefined {
  const key = name.replace(/[_\s-]/g, '').toLowerCase();
  return Object.entries(LmsField).find(([n, v]) => n.replace(/_/g, '').toLowerCase() === key || v.toLowerCase() === key)?.[1];
}
