import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { SyncJobEntity } from './sync-job.entity';

/**
 * A row-level error or warning of a job: where (file, line, column), which rule, how bad.
 * Messages never carry row payloads, so they are safe to show and to log.
 */
@Entity({ name: 'sync_job_issue' })
@Index('sync_job_issue_job_idx', ['jobId', 'id'])
export class SyncJobIssueEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'bigint', name: 'job_id' })
  jobId!: string;

  @ManyToOne(() => SyncJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: Relation<SyncJobEntity>;

  @Column({ type: 'text' })
  severity!: string;

  /** Stable diagnostic code, e.g. `oneroster.header.missing`. */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text', nullable: true })
  file!: string | null;

  @Column({ type: 'integer', nullable: true })
  line!: number | null;

  @Column({ type: 'text', nullable: true })
  column!: string | null;

  @Column({ type: 'text' })
  message!: string;

  /** The record's key when known (a sourcedId), to find the row without its payload. */
  @Column({ type: 'text', name: 'record_key', nullable: true })
  recordKey!: string | null;
}
