import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One email to send: a notice that a record expires within `threshold_days` (0: has expired).
 * `(record_id, threshold_days)` is unique, so finding due notices twice (a rerun, two workers)
 * queues each once; a row is marked SENT only after the SMTP server accepted the message, in the
 * same transaction that held its row lock while sending.
 */
@Entity({ name: 'compliance_mail_outbox' })
@Index('compliance_mail_outbox_key', ['recordId', 'thresholdDays'], { unique: true })
@Index('compliance_mail_outbox_due_idx', ['nextAttemptAt', 'id'], { where: `"state" in ('PENDING', 'RETRY')` })
@Check('compliance_mail_outbox_state_check', `"state" in ('PENDING', 'RETRY', 'SENT', 'FAILED')`)
export class MailOutboxEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The learning record the notice is about (no foreign key: a notice outlives a re-keyed record). */
  @Column({ type: 'bigint', name: 'record_id' })
  recordId!: string;

  @Column({ type: 'integer', name: 'threshold_days' })
  thresholdDays!: number;

  @Column({ type: 'bigint', name: 'user_id' })
  userId!: string;

  @Column({ type: 'text' })
  recipient!: string;

  /** What the templates need (name, item, valid until), fixed when the notice was queued. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** A MailState: PENDING, RETRY, SENT or FAILED (attempts used up). */
  @Column({ type: 'text', default: 'PENDING' })
  state!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** The Message-ID the SMTP server accepted. */
  @Column({ type: 'text', name: 'message_id', nullable: true })
  messageId!: string | null;

  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
