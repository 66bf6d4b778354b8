import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { RosterClassEntity } from '../../roster/class/class.entity';

/**
 * A named group of a class's members (Moodle's course groups): IMS files put members in one
 * with `<role><extension><cohort>`. Names are unique within a class, as Moodle looks groups up
 * by name. Nothing is hard-deleted; `deleted_at` marks a group no longer used.
 */
@Entity({ name: 'class_group' })
@Index('class_group_key', ['classId', 'name'], { unique: true })
export class ClassGroupEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The source system that made the group. */
  @Column({ type: 'text' })
  system!: string;

  @Column({ type: 'bigint', name: 'class_id' })
  classId!: string;

  @ManyToOne(() => RosterClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  class?: Relation<RosterClassEntity>;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
