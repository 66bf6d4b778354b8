import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/**
 * One record from a system that speaks no xAPI. Fields are checked per record (not by the
 * schema), so one bad record is REJECTED naming its field while the others are applied.
 */
@InputType('LearningRecordInput')
export class LearningRecordInput {
  @Field(() => String, { description: 'Unique per system and record content: a re-send with the same key and content is a DUPLICATE, with other content REJECTED.' })
  idempotencyKey!: string;

  @Field(() => String, { description: 'The sending system (its people, items and records are its own).' })
  system!: string;

  @Field(() => String, { nullable: true, description: 'The person’s id in that system (matched to staff numbers and usernames; what link keys tie). This, email or both.' })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: 'The person’s email (matched to users’ emails).' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'The system’s id of the record: later sends with it update the same record. Default: the idempotency key (each send its own record).' })
  recordId?: string | null;

  @Field(() => String, { description: 'The system’s id of the course, event or qualification.' })
  itemId!: string;

  @Field(() => String, { nullable: true, description: 'Its title (default: the item id); the latest title wins.' })
  itemTitle?: string | null;

  @Field(() => String, { description: 'A status word: completed, passed, failed, attended, in progress, not attempted, booked, waitlisted, cancelled, no show.' })
  status!: string;

  @Field(() => Float, { nullable: true })
  score?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601; where it sits on the timeline. Default: completedAt, else when received.' })
  occurredAt?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 (2026-03-01 or 2026-03-01T10:00:00Z); required for completed, passed and attended.' })
  completedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601; when the completion expires. Default: completedAt + the item’s validity period.' })
  validUntil?: string | null;
}

export enum PushOutcome {
  ACCEPTED = 'ACCEPTED',
  DUPLICATE = 'DUPLICATE',
  REJECTED = 'REJECTED',
}

registerEnumType(PushOutcome, {
  name: 'PushOutcome',
  valuesConfig: {
    ACCEPTED: { description: 'Applied (matched to a user, or waiting in the unmatched queue).' },
    DUPLICATE: { description: 'The key was received before with the same content; nothing changed.' },
    REJECTED: { description: 'Not applied; `reason` and `field` say why.' },
  },
});

@ObjectType('PushedLearningRecord', { description: 'What became of one pushed record.' })
export class PushedLearningRecord {
  @Field(() => Int, { description: 'Its position in the request (0-based).' })
  index!: number;

  @Field(() => String)
  idempotencyKey!: string;

  @Field(() => PushOutcome)
  outcome!: PushOutcome;

  @Field(() => String, { nullable: true, description: 'Why it was rejected, starting with the field.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The input field at fault.' })
  field!: string | null;

  @Field(() => String, { nullable: true, description: 'The rule it broke (required, status_unknown, date_time, conflict, ...).' })
  rule!: string | null;

  @Field(() => ID, { nullable: true, description: 'The record it wrote or duplicated (an ExternalLearningRecord id).' })
  recordId!: string | null;

  @Field(() => Boolean, { description: 'Whether the record’s person is matched to a user (false: it waits in unmatchedRecords).' })
  matched!: boolean;
}

@ObjectType('PushLearningRecordsPayload')
export class PushLearningRecordsPayload {
  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  duplicates!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [PushedLearningRecord], { description: 'One per record, in request order.' })
  results!: PushedLearningRecord[];
}
