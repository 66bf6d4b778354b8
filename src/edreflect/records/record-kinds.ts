/**
 * The EdReflect models the graph types, each read straight from its table in `edreflect_row`.
 * The field definitions are not public, so only the columns every export seen so far carries
 * are typed (see test/edreflect/generator.ts); everything else stays in `values`. Changing a
 * column name here is the one place to adapt to a real product's header.
 */
export interface RecordKind {
  /** The GraphQL type and global id type name. */
  readonly type: string;
  /** The model's own table (= its file group). */
  readonly table: string;
  /** Columns holding the EdReflect user ids the record belongs to, most specific first. */
  readonly userColumns: readonly string[];
}

export const USER_KIND: RecordKind = { type: 'EdReflectUser', table: 'users', userColumns: [] };
export const OBSERVATION_KIND: RecordKind = { type: 'EdReflectObservation', table: 'observations', userColumns: ['learnerId', 'observerId'] };
export const GOAL_KIND: RecordKind = { type: 'EdReflectGoal', table: 'goals', userColumns: ['ownerId'] };

/** Models with no typed fields beyond the common ones and their author (`createdBy`). */
export const PLAIN_KINDS: readonly RecordKind[] = [
  { type: 'EdReflectObservationTemplate', table: 'observationTemplates', userColumns: ['createdBy'] },
  { type: 'EdReflectEvidence', table: 'evidences', userColumns: ['createdBy'] },
  { type: 'EdReflectArtifact', table: 'artifacts', userColumns: ['createdBy'] },
  { type: 'EdReflectRating', table: 'ratings', userColumns: ['createdBy'] },
  { type: 'EdReflectSlo', table: 'slos', userColumns: ['createdBy'] },
  { type: 'EdReflectSnapshot', table: 'snapshots', userColumns: ['createdBy'] },
  { type: 'EdReflectAssignment', table: 'assignments', userColumns: ['createdBy'] },
  { type: 'EdReflectGroup', table: 'groups', userColumns: ['createdBy'] },
];

export const RECORD_KINDS: readonly RecordKind[] = [USER_KIND, OBSERVATION_KIND, GOAL_KIND, ...PLAIN_KINDS];

/** Observation roles: who was observed (`learnerId`) and who observed (`observerId`). */
export const OBSERVED_COLUMN = 'learnerId';
export const OBSERVER_COLUMN = 'observerId';
export const GOAL_OWNER_COLUMN = 'ownerId';

/** A generic row of any table (a model's nested rows): its global id type. */
export const ROW_TYPE = 'EdReflectRow';
