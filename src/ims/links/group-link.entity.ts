import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { RosterClassEntity } from '../../roster/class/class.entity';
import { SOURCED_ID_COLUMN } from '../../roster/shared/key-columns';

/**
 * Which class an IMS group (a course code within an import system) enrols into: the class
 * the importer created, or an existing class (from OneRoster, say) whose sourcedId is the
 * course code. Kept so that memberships keep reaching the same class whatever is imported
 * later.
 */
@Entity({ name: 'ims_group_link' })
@Index('ims_group_link_key', ['system', 'sourcedId'], { unique: true })
@Index('ims_group_link_class_idx', ['classId'])
export class ImsGroupLinkEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  system!: string;

  /** The group's course code (`<sourcedid><id>`, trimmed and truncated as configured). */
  @Column(SOURCED_ID_COLUMN)
  sourcedId!: string;

  @Column({ type: 'bigint', name: 'class_id' })
  classId!: string;

  @ManyToOne(() => RosterClassEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  class?: Relation<RosterClassEntity>;

  /** `created`, `system` (a class of the import system) or `sourcedId` (another system's class). */
  @Column({ type: 'text', name: 'matched_by' })
  matchedBy!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
