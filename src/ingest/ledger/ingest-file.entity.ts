import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { SyncJobEntity } from '../../jobs/sync-job.entity';

/**
 * The file ledger: one row per delivered file (a zip, a folder's files, one CSV) per import,
 * keyed by content. A unique index lets each content + format be `applied` once, so the same
 * file delivered again, by any source or any number of concurrent workers, changes nothing.
 */
@Entity({ name: 'ingest_file' })
@Index('ingest_file_applied_key', ['format', 'sha256'], { unique: true, where: `"status" = 'applied'` })
@Index('ingest_file_job_idx', ['jobId'])
export class IngestFileEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** SHA-256 of the delivered bytes (the zip itself, or the single file). */
  @Column({ type: 'bytea' })
  sha256!: Buffer;

  /** The delivered name, for people (`roster-2024-09-01.zip`). */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'bigint' })
  size!: string;

  /** What the content is read as (`oneroster-csv`, `lms-scorm`): the same bytes read as another format are another file. */
  @Column({ type: 'text' })
  format!: string;

  /** Where it came from, for people: an upload, a folder path, an SFTP source's name. */
  @Column({ type: 'text', name: 'source_label' })
  sourceLabel!: string;

  @Column({ type: 'bigint', name: 'source_id', nullable: true })
  sourceId!: string | null;

  @Column({ type: 'bigint', name: 'job_id', nullable: true })
  jobId!: string | null;

  @ManyToOne(() => SyncJobEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'job_id' })
  job?: Relation<SyncJobEntity>;

  /** An IngestFileStatus. */
  @Column({ type: 'text', default: 'received' })
  status!: string;

  /** For a duplicate: the ledger row of the earlier file that applied the same content. */
  @Column({ type: 'bigint', name: 'duplicate_of', nullable: true })
  duplicateOf!: string | null;

  @ManyToOne(() => IngestFileEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'duplicate_of' })
  original?: Relation<IngestFileEntity>;

  @CreateDateColumn({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz', name: 'applied_at', nullable: true })
  appliedAt!: Date | null;
}
