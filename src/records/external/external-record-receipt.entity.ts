import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every record a system pushed or uploaded, by its idempotency key: a re-send with the same
 * content is a duplicate (nothing changes), with other content a conflict (rejected, never
 * silently overwriting what the key first said).
 */
@Entity({ name: 'external_record_receipt' })
export class ExternalRecordReceiptEntity {
  @PrimaryColumn({ type: 'text' })
  system!: string;

  @PrimaryColumn({ type: 'text', name: 'idempotency_key' })
  idempotencyKey!: string;

  /** SHA-256 (hex) of the normalised content. */
  @Column({ type: 'text', name: 'content_hash' })
  contentHash!: string;

  /** The record it wrote (no foreign key: a withdrawn record keeps its receipt, so a re-send stays a duplicate). */
  @Column({ type: 'bigint', name: 'record_id', nullable: true })
  recordId!: string | null;

  /** The ingest ledger's file for uploaded rows; null when pushed. */
  @Column({ type: 'bigint', name: 'file_id', nullable: true })
  fileId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;
}
