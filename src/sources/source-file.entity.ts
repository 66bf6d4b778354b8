import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { SyncJobEntity } from '../jobs/sync-job.entity';
import { SourceEntity } from './source.entity';

/**
 * The file ledger of a source: one row per version of a remote file (a path with a size and
 * mtime). Two partial unique indexes carry the guarantees: one open row per path (so two
 * syncs cannot both queue it), and one imported row per path and content (so the same bytes
 * are never imported twice, whatever happens to the mtime).
 */
@Entity({ name: 'source_file' })
@Index('source_file_open_key', ['sourceId', 'path'], { unique: true, where: `"status" IN ('SEEN', 'STABLE', 'IMPORTING', 'FAILED')` })
@Index('source_file_imported_key', ['sourceId', 'path', 'sha256'], { unique: true, where: `"status" = 'IMPORTED'` })
@Index('source_file_source_idx', ['sourceId', 'id'])
@Index('source_file_job_idx', ['jobId'])
export class SourceFileEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'bigint', name: 'source_id' })
  sourceId!: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<SourceEntity>;

  /** Full path on the server (or on disk for a local folder). */
  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'bigint' })
  size!: string;

  @Column({ type: 'timestamptz', name: 'modified_at' })
  modifiedAt!: Date;

  /** The day the file reports on, from its name (`SCORM20240102`); null when the pattern has none. */
  @Column({ type: 'date', name: 'business_date', nullable: true })
  businessDate!: string | null;

  /** A SourceFileStatus. */
  @Column({ type: 'text' })
  status!: string;

  /** SHA-256 of the bytes, known once read. */
  @Column({ type: 'bytea', nullable: true })
  sha256!: Buffer | null;

  /** Import attempts of this version. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Times a cut download was resumed from where it stopped. */
  @Column({ type: 'integer', default: 0 })
  resumes!: number;

  /** The (last) import job. */
  @Column({ type: 'bigint', name: 'job_id', nullable: true })
  jobId!: string | null;

  @ManyToOne(() => SyncJobEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'job_id' })
  job?: Relation<SyncJobEntity>;

  /** For a DUPLICATE: the imported row with the same content. */
  @Column({ type: 'bigint', name: 'duplicate_of', nullable: true })
  duplicateOf!: string | null;

  @ManyToOne(() => SourceFileEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'duplicate_of' })
  original?: Relation<SourceFileEntity>;

  /** Why the last import failed. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** A FileDisposition, once imported. */
  @Column({ type: 'text', nullable: true })
  disposition!: string | null;

  @Column({ type: 'text', name: 'archived_path', nullable: true })
  archivedPath!: string | null;

  /** The import stood, but moving or deleting the file failed (a read-only server, say). */
  @Column({ type: 'text', name: 'disposition_error', nullable: true })
  dispositionError!: string | null;

  @Column({ type: 'timestamptz', name: 'first_seen_at', default: () => 'now()' })
  firstSeenAt!: Date;

  @Column({ type: 'timestamptz', name: 'last_seen_at', default: () => 'now()' })
  lastSeenAt!: Date;

  @Column({ type: 'timestamptz', name: 'stable_at', nullable: true })
  stableAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'imported_at', nullable: true })
  importedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
