import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One stored xAPI statement: the statement as sent (plus the LRS-assigned id, stored,
 * timestamp, authority and version), and the columns the filters need. The bigint key orders
 * statements stored in the same millisecond, so `more` cursors are stable.
 */
@Entity({ name: 'xapi_statement' })
@Index('xapi_statement_stored_idx', ['stored', 'id'])
export class XapiStatementEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Index('xapi_statement_statement_id_key', { unique: true })
  @Column({ type: 'uuid', name: 'statement_id' })
  statementId!: string;

  @Column({ type: 'jsonb' })
  statement!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  stored!: Date;

  @Column({ type: 'timestamptz' })
  timestamp!: Date;

  @Index('xapi_statement_verb_idx')
  @Column({ type: 'text', name: 'verb_iri' })
  verbIri!: string;

  @Index('xapi_statement_registration_idx')
  @Column({ type: 'uuid', nullable: true })
  registration!: string | null;

  /** Set once a voiding statement targets this one; voided statements leave the query results. */
  @Column({ type: 'boolean', default: false })
  voided!: boolean;

  /** Whether this statement voids another (such statements cannot themselves be voided). */
  @Column({ type: 'boolean', name: 'is_voiding', default: false })
  isVoiding!: boolean;

  @Column({ type: 'bigint', name: 'credential_id', nullable: true })
  credentialId!: string | null;
}
