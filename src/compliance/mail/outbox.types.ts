import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection.type';

/** The values are what `compliance_mail_outbox.state` stores. */
export enum MailState {
  PENDING = 'PENDING',
  RETRY = 'RETRY',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

registerEnumType(MailState, {
  name: 'MailState',
  valuesConfig: {
    PENDING: { description: 'Queued, not tried yet.' },
    RETRY: { description: 'Tried and failed; tried again at `nextAttemptAt`.' },
    SENT: { description: 'The SMTP server accepted it.' },
    FAILED: { description: 'Every attempt failed; not tried again.' },
  },
});

@ObjectType('ExpiryNotice', { description: 'An email telling someone that a completion expires within `thresholdDays` (0: has expired).' })
export class ExpiryNotice {
  recordLocalId!: string;
  userLocalId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  thresholdDays!: number;

  @Field(() => String)
  recipient!: string;

  @Field(() => MailState)
  state!: MailState;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it is tried (again); null once SENT or FAILED.' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

export const ExpiryNoticeConnection = Connection(ExpiryNotice, 'ExpiryNotice');
export type ExpiryNoticeConnection = InstanceType<typeof ExpiryNoticeConnection>;

@ObjectType('ExpiryMailRun', { description: 'What one run of the expiry mail did.' })
export class ExpiryMailRun {
  @Field(() => Int, { description: 'Notices newly queued.' })
  queued!: number;

  @Field(() => Int)
  sent!: number;

  @Field(() => Int)
  failed!: number;
}
