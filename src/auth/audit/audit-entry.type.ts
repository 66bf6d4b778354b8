import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';
import { JSONObject } from '../../roster/shared/scalars';

@ObjectType('AuditEntry', { description: 'One mutation: who sent it, what it asked for, when, and how it ended.' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { description: 'When the response was sent.' })
  at!: Date;

  @Field(() => ID, { nullable: true, description: 'The API key that sent it; null when no valid key was sent.' })
  apiKeyId!: string | null;

  @Field(() => String, { nullable: true, description: "The key's name at the time." })
  keyName!: string | null;

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field(() => [String], { description: 'The mutation fields it selected (`createSource`, ...).' })
  fields!: string[];

  @Field(() => JSONObject, { description: 'Its variables, with passwords, private keys, secrets and tokens redacted.' })
  variables!: Record<string, unknown>;

  @Field(() => String, { description: '`ok`, or the code of its first error (`FORBIDDEN`, `BAD_USER_INPUT`, ...).' })
  outcome!: string;

  @Field(() => Int)
  durationMs!: number;
}

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry');
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;

@InputType()
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Only mutations sent with this API key.' })
  apiKeyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only mutations that selected this field (`importOneRoster`, ...).' })
  @MaxLength(200)
  field?: string | null;

  @Field(() => String, { nullable: true, description: '`ok` or an error code.' })
  @MaxLength(100)
  outcome?: string | null;

  @Field(() => Date, { nullable: true })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive.' })
  until?: Date | null;
}

/** The outcome of a mutation that raised no error. */
export const OUTCOME_OK = 'ok';
