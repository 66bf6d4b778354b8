import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Something people learn or attend, as a source names it: a SCORM package, a course, a quiz, a
 * face-to-face event, a pathway (and later xAPI activities). Its validity period makes a
 * completion expire: valid until completion + period.
 */
@Entity({ name: 'learning_item' })
@Index('learning_item_source_key', ['system', 'kind', 'sourceKey'], { unique: true })
@Check('learning_item_validity_check', `"validity_months" >= 0 and "validity_days" >= 0`)
export class LearningItemEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  system!: string;

  /** A LearningItemKind. */
  @Column({ type: 'text' })
  kind!: string;

  /** What the source identifies it by (the LMS: its name, trimmed). */
  @Column({ type: 'text', name: 'source_key' })
  sourceKey!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Validity period; both null means completions never expire. */
  @Column({ type: 'integer', name: 'validity_months', nullable: true })
  validityMonths!: number | null;

  @Column({ type: 'integer', name: 'validity_days', nullable: true })
  validityDays!: number | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
