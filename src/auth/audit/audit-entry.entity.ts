import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One mutation as it happened: who sent it, what it asked for (variables with secrets
 * redacted), when, how it ended and how long it took. Written after the response is known;
 * never updated.
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_key_idx', ['keyId', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'timestamptz', name: 'at' })
  at!: Date;

  /** Null when the request carried no valid key (it was refused, and that is logged too). */
  @Column({ type: 'bigint', name: 'key_id', nullable: true })
  keyId!: string | null;

  @Column({ type: 'text', name: 'key_name', nullable: true })
  keyName!: string | null;

  @Column({ type: 'text', name: 'operation_name', nullable: true })
  operationName!: string | null;

  /** The mutation fields the operation selected at its root, in order. */
  @Column({ type: 'text', array: true, name: 'fields' })
  fields!: string[];

  @Column({ type: 'jsonb', name: 'variables' })
  variables!: Record<string, unknown>;

  /** `ok`, or the first error's code (FORBIDDEN, BAD_USER_INPUT, ...). */
  @Column({ type: 'text', name: 'outcome' })
  outcome!: string;

  @Column({ type: 'integer', name: 'duration_ms' })
  durationMs!: number;
}
