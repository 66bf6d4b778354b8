import { toGlobalId } from '../../graphql/relay/global-id';
import { booleanOf, dateOf, localDateOf, numberOf, type RecordRow, textOf } from './record-row';
import { GOAL_OWNER_COLUMN, OBSERVED_COLUMN, OBSERVER_COLUMN, ROW_TYPE } from './record-kinds';
import {
  EdReflectArtifact,
  EdReflectAssignment,
  EdReflectEvidence,
  EdReflectGoal,
  EdReflectGroup,
  EdReflectObservation,
  EdReflectObservationTemplate,
  EdReflectRating,
  type EdReflectRecord,
  EdReflectRow,
  EdReflectSlo,
  EdReflectSnapshot,
  EdReflectUser,
  type PlainRecord,
} from './record.types';

/** The fields every record has, from its stored row. */
function common(type: string, row: RecordRow): EdReflectRecord {
  const v = row.values;
  return {
    localId: row.id,
    parentEdReflectId: row.parent_id,
    rootEdReflectId: row.root_id,
    id: toGlobalId(type, row.id),
    edReflectId: row.row_id,
    system: row.system,
    table: row.table_name,
    name: textOf(v, 'name') ?? textOf(v, 'title'),
    createdAt: dateOf(v, 'createdAt'),
    lastModified: dateOf(v, 'lastModified'),
    values: v,
  };
}

export function toRow(row: RecordRow): EdReflectRow {
  return Object.assign(new EdReflectRow(), common(ROW_TYPE, row), { parentId: row.parent_id, modelId: row.root_id });
}

export function toUser(row: RecordRow): EdReflectUser {
  const v = row.values;
  return Object.assign(new EdReflectUser(), common('EdReflectUser', row), {
    email: textOf(v, 'email'),
    firstName: textOf(v, 'firstName'),
    lastName: textOf(v, 'lastName'),
    employeeId: textOf(v, 'employeeId'),
    isActive: booleanOf(v, 'isActive'),
  });
}

export function toObservation(row: RecordRow): EdReflectObservation {
  const v = row.values;
  return Object.assign(new EdReflectObservation(), common('EdReflectObservation', row), {
    observerEdReflectId: textOf(v, OBSERVER_COLUMN),
    learnerEdReflectId: textOf(v, OBSERVED_COLUMN),
    rubricEdReflectId: textOf(v, 'rubricId'),
    observedAt: dateOf(v, 'observedAt'),
    score: numberOf(v, 'score'),
    isPublished: booleanOf(v, 'isPublished'),
  });
}

export function toGoal(row: RecordRow): EdReflectGoal {
  const v = row.values;
  return Object.assign(new EdReflectGoal(), common('EdReflectGoal', row), {
    ownerEdReflectId: textOf(v, GOAL_OWNER_COLUMN),
    dueDate: localDateOf(v, 'dueDate'),
    progress: numberOf(v, 'progress'),
  });
}

const PLAIN_TYPES = {
  EdReflectObservationTemplate,
  EdReflectEvidence,
  EdReflectArtifact,
  EdReflectRating,
  EdReflectSlo,
  EdReflectSnapshot,
  EdReflectAssignment,
  EdReflectGroup,
} as const;

export function plainMapper(type: keyof typeof PLAIN_TYPES): (row: RecordRow) => PlainRecord {
  const Type = PLAIN_TYPES[type];
  return (row) => Object.assign(new Type(), common(type, row), { authorEdReflectId: textOf(row.values, 'createdBy') });
}

/** Each typed model's mapper by GraphQL type name. */
export const MAPPERS: Readonly<Record<string, (row: RecordRow) => EdReflectRecord>> = {
  [ROW_TYPE]: toRow,
  EdReflectUser: toUser,
  EdReflectObservation: toObservation,
  EdReflectGoal: toGoal,
  ...Object.fromEntries(Object.keys(PLAIN_TYPES).map((t) => [t, plainMapper(t as keyof typeof PLAIN_TYPES)])),
};
