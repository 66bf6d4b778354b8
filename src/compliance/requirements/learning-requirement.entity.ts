import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { LearningItemEntity } from '../../records';

/**
 * A learning item people must hold (one line of a learning plan), assigned to everyone with a
 * role at an org or below it (ORG), everyone with a role name (ROLE, optionally only within an
 * org's subtree), or everyone enrolled in a class (CLASS). `due_on` is when a first completion
 * is due; `valid_months` makes it recur: a completion counts for that many months.
 *
 * `org_id` and `class_id` carry no foreign key: the roster only soft-deletes, and a requirement
 * on a deleted org or class simply applies to nobody until it comes back.
 */
@Entity({ name: 'learning_requirement' })
@Index('learning_requirement_item_idx', ['itemId'])
@Index('learning_requirement_org_idx', ['orgId'])
@Index('learning_requirement_class_idx', ['classId'])
@Check('learning_requirement_target_check', `("target" = 'ORG' and "org_id" is not null and "role" is null and "class_id" is null)
  or ("target" = 'ROLE' and "role" is not null and "class_id" is null)
  or ("target" = 'CLASS' and "class_id" is not null and "org_id" is null and "role" is null)`)
@Check('learning_requirement_when_check', `"due_on" is not null or "valid_months" is not null`)
@Check('learning_requirement_valid_months_check', `"valid_months" between 1 and 600`)
export class LearningRequirementEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'bigint', name: 'item_id' })
  itemId!: string;

  @ManyToOne(() => LearningItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: Relation<LearningItemEntity>;

  /** A RequirementTarget: ORG, ROLE or CLASS. */
  @Column({ type: 'text' })
  target!: string;

  /** ORG: the org (sub-orgs included); ROLE: the subtree the role counts in, null for anywhere. */
  @Column({ type: 'bigint', name: 'org_id', nullable: true })
  orgId!: string | null;

  /** ROLE: the role name as the roster stores it (teacher, ext:nurse, ...). */
  @Column({ type: 'text', nullable: true })
  role!: string | null;

  @Column({ type: 'bigint', name: 'class_id', nullable: true })
  classId!: string | null;

  @Column({ type: 'date', name: 'due_on', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'integer', name: 'valid_months', nullable: true })
  validMonths!: number | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
