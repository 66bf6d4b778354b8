import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { ExternalPersonEntity } from '../../identity';
import { UserEntity } from '../../roster';
import { LearningItemEntity } from './learning-item.entity';

/**
 * One thing a person did, from any source: a SCORM attempt, a face-to-face booking, a quiz
 * attempt, a course or pathway completion (later xAPI statements, EdReflect items). Every kind
 * shares these columns so that a learner's timeline is one keyset scan of
 * `(user_id, occurred_at, id)`; what only one kind has lives in `details`.
 *
 * `(person_id, system, kind, record_key)` is the source's reconciliation key: a later file
 * updates the record it names, never adds a second one.
 */
@Entity({ name: 'learning_record' })
// Person first: the key also serves "every record of a person" (rematching rewrites them).
@Index('learning_record_source_key', ['personId', 'system', 'kind', 'recordKey'], { unique: true })
@Index('learning_record_timeline_idx', ['userId', 'occurredAt', 'id'])
@Index('learning_record_item_idx', ['itemId', 'occurredAt', 'id'])
@Index('learning_record_unmatched_idx', ['system', 'id'], { where: '"user_id" is null' })
// What compliance reads (a user's completions by item), answerable from the index alone.
@Index('learning_record_held_idx', ['userId', 'itemId', 'completedAt', 'id'], { where: '"completed_at" is not null' })
export class LearningRecordEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** A LearningKind (`SCORM_ATTEMPT`, ...). */
  @Column({ type: 'text' })
  kind!: string;

  /** The source system (`lms`). */
  @Column({ type: 'text' })
  system!: string;

  @Column({ type: 'bigint', name: 'person_id' })
  personId!: string;

  @ManyToOne(() => ExternalPersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Relation<ExternalPersonEntity>;

  /** The person's user, copied from `external_person` so the timeline needs no join; null while unmatched. */
  @Column({ type: 'bigint', name: 'user_id', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'bigint', name: 'item_id', nullable: true })
  itemId!: string | null;

  @ManyToOne(() => LearningItemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id' })
  item?: Relation<LearningItemEntity>;

  /** The rest of the reconciliation key, per kind (attempt, session id, ...). */
  @Column({ type: 'text', name: 'record_key' })
  recordKey!: string;

  /** A LearningStatus. */
  @Column({ type: 'text' })
  status!: string;

  /** The status as the source wrote it. */
  @Column({ type: 'text', name: 'status_text', nullable: true })
  statusText!: string | null;

  @Column({ type: 'numeric', nullable: true })
  score!: string | null;

  @Column({ type: 'integer', nullable: true })
  attempt!: number | null;

  /** Where the record sits on the timeline. */
  @Column({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt!: Date;

  /** When it was completed, passed or attended; null otherwise (set exactly for ACHIEVED_STATUSES). */
  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  /** completed_at + the item's validity period. */
  @Column({ type: 'timestamptz', name: 'valid_until', nullable: true })
  validUntil!: Date | null;

  /** The business day of the data (the file's date): an older file never overwrites a newer one. */
  @Column({ type: 'date', name: 'as_of' })
  asOf!: string;

  /** Fields only some kinds have (SCORM's sco, a session's id and date). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  /** The row as the source sent it, by header. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  raw!: Record<string, unknown>;

  /**
   * The ledger row (`ingest_file`) of the file that last changed the record. A pointer for
   * people, without a foreign key: its check would cost a lookup per imported row.
   */
  @Column({ type: 'bigint', name: 'file_id', nullable: true })
  fileId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
