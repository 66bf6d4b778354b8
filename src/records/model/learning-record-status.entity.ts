import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { LearningRecordEntity } from './learning-record.entity';

/**
 * Every status a record has had (booked -> attended, incomplete -> passed, a course completed
 * again): a row is added when a record is created and whenever its status or completion date
 * changes, so updating a record in place never loses what it was.
 */
@Entity({ name: 'learning_record_status' })
@Index('learning_record_status_record_idx', ['recordId', 'id'])
export class LearningRecordStatusEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'bigint', name: 'record_id' })
  recordId!: string;

  @ManyToOne(() => LearningRecordEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'record_id' })
  record?: Relation<LearningRecordEntity>;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text', name: 'status_text', nullable: true })
  statusText!: string | null;

  @Column({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'date', name: 'as_of' })
  asOf!: string;

  /** The ledger row of the file that said it (no foreign key, as on learning_record). */
  @Column({ type: 'bigint', name: 'file_id', nullable: true })
  fileId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'recorded_at' })
  recordedAt!: Date;
}
