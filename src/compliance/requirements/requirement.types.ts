import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { LocalDate } from '../../roster';

export enum RequirementTarget {
  ORG = 'ORG',
  ROLE = 'ROLE',
  CLASS = 'CLASS',
}

registerEnumType(RequirementTarget, {
  name: 'RequirementTarget',
  valuesConfig: {
    ORG: { description: 'Everyone with a role at the org or any org below it.' },
    ROLE: { description: 'Everyone with a role of this name (within the org and below it, when one is given).' },
    CLASS: { description: 'Everyone enrolled in the class.' },
  },
});

/** The values are what the SQL computes (requirement-states.sql.ts). */
export enum RequirementState {
  MET = 'MET',
  MET_BY_EQUIVALENT = 'MET_BY_EQUIVALENT',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
  OVERDUE = 'OVERDUE',
  NOT_STARTED = 'NOT_STARTED',
}

registerEnumType(RequirementState, {
  name: 'RequirementState',
  description: "Where a person stands on a requirement. A person's state over several is the worst: OVERDUE, EXPIRED, NOT_STARTED, EXPIRING, MET_BY_EQUIVALENT, MET.",
  valuesConfig: {
    MET: { description: 'Completed, valid beyond the window asked about.' },
    MET_BY_EQUIVALENT: { description: 'Met through the completion of an equivalent item.' },
    EXPIRING: { description: 'Completed, but the completion runs out within the window asked about.' },
    EXPIRED: { description: 'Completed once, and that completion has run out.' },
    OVERDUE: { description: 'Never completed, and the due date has passed.' },
    NOT_STARTED: { description: 'Never completed; not due yet, or no due date.' },
  },
});

@ObjectType('LearningRequirement', { description: 'A learning item people must hold: one line of a learning plan.' })
export class LearningRequirement {
  localId!: string;
  itemLocalId!: string;
  orgLocalId!: string | null;
  classLocalId!: string | null;

  @Field(() => ID)
  id!: string;

  @Field(() => RequirementTarget)
  target!: RequirementTarget;

  @Field(() => String, { nullable: true, description: 'ROLE: the role name.' })
  role!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When a first completion is due.' })
  dueOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Recurrence: a completion counts for this many months, then must be renewed.' })
  validForMonths!: number | null;

  @Field(() => Date)
  createdAt!: Date;
}

export const LearningRequirementConnection = Connection(LearningRequirement, 'LearningRequirement');
export type LearningRequirementConnection = InstanceType<typeof LearningRequirementConnection>;

@ObjectType('ScorecardEntry', { description: 'One requirement that applies to a person, and where they stand on it.' })
export class ScorecardEntry {
  requirementLocalId!: string;
  itemLocalId!: string;
  recordLocalId!: string | null;
  viaItemLocalId!: string | null;

  @Field(() => RequirementState)
  state!: RequirementState;

  @Field(() => LocalDate, { nullable: true })
  dueOn!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the satisfying completion was made.' })
  completedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until when the satisfying completion counts; null when it never runs out.' })
  validUntil!: Date | null;
}

@ObjectType('PersonCompliance', { description: "A person of an org and their worst requirement's state." })
export class PersonCompliance {
  userLocalId!: string;

  @Field(() => RequirementState)
  state!: RequirementState;

  @Field(() => Int, { description: 'Requirements that apply to the person.' })
  requirements!: number;

  @Field(() => Int, { description: 'Of those, how many are met (directly, by an equivalent, or expiring but still valid).' })
  met!: number;
}

@ObjectType('ComplianceStateCounts', { description: 'People per state (each person counted once, at their worst state).' })
export class ComplianceStateCounts {
  @Field(() => Int) met!: number;
  @Field(() => Int) metByEquivalent!: number;
  @Field(() => Int) expiring!: number;
  @Field(() => Int) expired!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Int) notStarted!: number;
  @Field(() => Int, { description: 'People with at least one requirement.' }) total!: number;
}
