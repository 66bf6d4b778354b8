import { Field, Float, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { Node } from '../../graphql/relay/node.interface';
import { JSONObject, LocalDate } from '../../roster';

/**
 * What every typed EdReflect record has. The field definitions are not public: typed fields
 * are the columns known so far, `values` has every column exactly as sent.
 */
@InterfaceType('EdReflectRecord', { implements: Node, description: 'A row of an EdReflect offboarding export, as a node.' })
export abstract class EdReflectRecord {
  localId!: string;
  /** The row's parent and model ids, as EdReflect names them. */
  parentEdReflectId!: string | null;
  rootEdReflectId!: string | null;

  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: "EdReflect's own id of the row (a content hash `#...` for link tables without one)." })
  edReflectId!: string;

  @Field(() => String, { description: 'The EdReflect tenant.' })
  system!: string;

  @Field(() => String, { description: 'The table: the file name without `.csv`.' })
  table!: string;

  @Field(() => String, { nullable: true, description: 'The `name` (or `title`) column.' })
  name!: string | null;

  @Field(() => Date, { nullable: true, description: 'The `createdAt` column, when it is a date.' })
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The `lastModified` column, when it is a date.' })
  lastModified!: Date | null;

  @Field(() => JSONObject, { description: 'Every column of the row, by header name, exactly as sent.' })
  values!: Record<string, string>;
}

const implementsRecord = [EdReflectRecord, Node];

@ObjectType('EdReflectRow', { implements: implementsRecord, description: 'A row of a nested table (an observation’s work, a goal’s comment, ...).' })
export class EdReflectRow extends EdReflectRecord {
  @Field(() => ID, { nullable: true, description: "EdReflect's id of the row one level up." })
  parentId!: string | null;

  @Field(() => ID, { nullable: true, description: "EdReflect's id of the group's model the row belongs to." })
  modelId!: string | null;
}

@ObjectType('EdReflectUser', { implements: implementsRecord, description: 'A user of EdReflect (`users.csv`), matched to a roster user by the identity rules.' })
export class EdReflectUser extends EdReflectRecord {
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  employeeId!: string | null;

  @Field(() => Boolean, { nullable: true })
  isActive!: boolean | null;
}

@ObjectType('EdReflectObservation', { implements: implementsRecord, description: 'An observation of a learner (an educator) by an observer, with its work, evaluations and indicator ratings.' })
export class EdReflectObservation extends EdReflectRecord {
  observerEdReflectId!: string | null;
  learnerEdReflectId!: string | null;
  rubricEdReflectId!: string | null;

  @Field(() => Date, { nullable: true, description: 'The `observedAt` column.' })
  observedAt!: Date | null;

  @Field(() => Float, { nullable: true })
  score!: number | null;

  @Field(() => Boolean, { nullable: true })
  isPublished!: boolean | null;
}

@ObjectType('EdReflectGoal', { implements: implementsRecord, description: 'A goal of a user, with comments, posts and aligned indicators.' })
export class EdReflectGoal extends EdReflectRecord {
  ownerEdReflectId!: string | null;

  @Field(() => LocalDate, { nullable: true })
  dueDate!: string | null;

  @Field(() => Float, { nullable: true, description: 'The `progress` column (0-100 in exports seen so far).' })
  progress!: number | null;
}

/** The models with only the common fields and an author. */
function plain(name: string, description: string) {
  @ObjectType(name, { implements: implementsRecord, description })
  class Plain extends EdReflectRecord {
    authorEdReflectId!: string | null;
  }
  return Plain;
}

export const EdReflectObservationTemplate = plain('EdReflectObservationTemplate', 'An observation template: activities, steps, forms.');
export const EdReflectEvidence = plain('EdReflectEvidence', 'Evidence collected for a learner, aligned to goals and rubric indicators.');
export const EdReflectArtifact = plain('EdReflectArtifact', 'An artifact uploaded into EdReflect.');
export const EdReflectRating = plain('EdReflectRating', 'A set of ratings against a rubric.');
export const EdReflectSlo = plain('EdReflectSlo', 'A student learning objective of a user.');
export const EdReflectSnapshot = plain('EdReflectSnapshot', 'A snapshot of activity works.');
export const EdReflectAssignment = plain('EdReflectAssignment', 'An assignment of learners to observers.');
export const EdReflectGroup = plain('EdReflectGroup', 'A group of users, with reports, roles and rubrics.');
export type PlainRecord = InstanceType<ReturnType<typeof plain>>;

export const EdReflectRowConnection = Connection(EdReflectRow, 'EdReflectRow');
export type EdReflectRowConnection = InstanceType<typeof EdReflectRowConnection>;
export const EdReflectUserConnection = Connection(EdReflectUser, 'EdReflectUser');
export type EdReflectUserConnection = InstanceType<typeof EdReflectUserConnection>;
export const EdReflectObservationConnection = Connection(EdReflectObservation, 'EdReflectObservation');
export type EdReflectObservationConnection = InstanceType<typeof EdReflectObservationConnection>;
export const EdReflectGoalConnection = Connection(EdReflectGoal, 'EdReflectGoal');
export type EdReflectGoalConnection = InstanceType<typeof EdReflectGoalConnection>;

export enum EdReflectObservationRole {
  OBSERVED = 'OBSERVED',
  OBSERVER = 'OBSERVER',
}

registerEnumType(EdReflectObservationRole, {
  name: 'EdReflectObservationRole',
  valuesConfig: {
    OBSERVED: { description: 'Observations of the user (`learnerId`).' },
    OBSERVER: { description: 'Observations the user made (`observerId`).' },
  },
});
