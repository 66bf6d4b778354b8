import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A configured source of files. Secrets live only in the `*_enc` columns (AES-256-GCM, see
 * shared/secret-box.ts); no GraphQL type maps this class directly.
 */
@Entity({ name: 'source' })
@Index('source_name_key', ['name'], { unique: true })
export class SourceEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** A SourceKind. */
  @Column({ type: 'text' })
  kind!: string;

  /** A SourceFormat: which importer reads the files. */
  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'text', nullable: true })
  host!: string | null;

  @Column({ type: 'integer', nullable: true })
  port!: number | null;

  @Column({ type: 'text', nullable: true })
  username!: string | null;

  @Column({ type: 'bytea', name: 'password_enc', nullable: true })
  passwordEnc!: Buffer | null;

  @Column({ type: 'bytea', name: 'private_key_enc', nullable: true })
  privateKeyEnc!: Buffer | null;

  @Column({ type: 'bytea', name: 'passphrase_enc', nullable: true })
  passphraseEnc!: Buffer | null;

  /** `SHA256:...`; an SFTP source without one never sends credentials. */
  @Column({ type: 'text', name: 'host_key_fingerprint', nullable: true })
  hostKeyFingerprint!: string | null;

  /** The remote folder (SFTP) or local path (LOCAL_FOLDER) that is listed. */
  @Column({ type: 'text' })
  folder!: string;

  @Column({ type: 'text', name: 'file_patterns', array: true })
  filePatterns!: string[];

  /** Five-field cron; null means the source syncs only when asked. */
  @Column({ type: 'text', name: 'schedule_cron', nullable: true })
  scheduleCron!: string | null;

  /** IANA zone the cron and the lookback window's days are read in. */
  @Column({ type: 'text', name: 'time_zone', default: 'UTC' })
  timeZone!: string;

  @Column({ type: 'integer', name: 'lookback_days', default: 28 })
  lookbackDays!: number;

  /** Seconds between the two listings of one sync that must agree on a file's size. */
  @Column({ type: 'integer', name: 'settle_seconds', default: 15 })
  settleSeconds!: number;

  /** A ProcessedFileAction. */
  @Column({ type: 'text', name: 'processed_action', default: 'LEAVE' })
  processedAction!: string;

  @Column({ type: 'text', name: 'archive_folder', nullable: true })
  archiveFolder!: string | null;

  /** Passed to the importer as they are (column maps, date formats, ...). */
  @Column({ type: 'jsonb', name: 'format_options', default: () => "'{}'" })
  formatOptions!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
