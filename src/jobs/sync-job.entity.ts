import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One run of an import or sync: its state, progress and counts. */
@Entity({ name: 'sync_job' })
@Index('sync_job_status_idx', ['status', 'id'])
export class SyncJobEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** Which handler runs it: `oneroster`, `lms`, `ims`, `edreflect`, ... */
  @Column({ type: 'text' })
  kind!: string;

  /** Where the input came from, for people: a file name, a path or a source's name. */
  @Column({ type: 'text', name: 'source_label' })
  sourceLabel!: string;

  @Column({ type: 'bigint', name: 'source_id', nullable: true })
  sourceId!: string | null;

  /** Handler input (paths, modes, options); never exposed as a whole. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params!: Record<string, unknown>;

  @Column({ type: 'text', default: 'QUEUED' })
  status!: string;

  @Column({ type: 'text', default: 'queued' })
  phase!: string;

  @Column({ type: 'bigint', name: 'rows_done', default: 0 })
  rowsDone!: string;

  @Column({ type: 'bigint', name: 'rows_total', nullable: true })
  rowsTotal!: string | null;

  @Column({ type: 'integer', default: 0 })
  added!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  deleted!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  @Column({ type: 'integer', default: 0 })
  rejected!: number;

  @Column({ type: 'integer', default: 0 })
  warnings!: number;

  /** Counts per entity (`{"users": {"added": 3, ...}}`), filled by handlers that know entities. */
  @Column({ type: 'jsonb', name: 'entity_counts', default: () => "'{}'" })
  entityCounts!: Record<string, Record<string, number>>;

  /** Free-form result a handler wants to show (a duplicate file's earlier job, say). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  result!: Record<string, unknown>;

  @Column({ type: 'text', name: 'failure_code', nullable: true })
  failureCode!: string | null;

  @Column({ type: 'text', name: 'failure_message', nullable: true })
  failureMessage!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'bigint', name: 'created_by_key_id', nullable: true })
  createdByKeyId!: string | null;

  @Column({ type: 'timestamptz', name: 'cancel_requested_at', nullable: true })
  cancelRequestedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'queued_at' })
  queuedAt!: Date;

  @Column({ type: 'timestamptz', name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
