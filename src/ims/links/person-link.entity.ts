import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { SOURCED_ID_COLUMN } from '../../roster/shared/key-columns';
import { UserEntity } from '../../roster/user/user.entity';

/**
 * Which user an IMS person (`<sourcedid><id>` within an import system) is. Written when the
 * importer creates the user or first matches the person to an existing one (a OneRoster user
 * with the same sourcedId, username or email), so that later files, including
 * membership-only snapshots that carry no names or emails, reach the same user. Kept apart
 * from `user_identifier` because that table's rows belong to the user's own source, whose
 * imports replace them.
 */
@Entity({ name: 'ims_person_link' })
@Index('ims_person_link_key', ['system', 'sourcedId'], { unique: true })
@Index('ims_person_link_user_idx', ['userId'])
export class ImsPersonLinkEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The import system (`ims` unless an import says otherwise). */
  @Column({ type: 'text' })
  system!: string;

  /** The person's `<sourcedid><id>`, trimmed. */
  @Column(SOURCED_ID_COLUMN)
  sourcedId!: string;

  @Column({ type: 'bigint', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  /** How the link was made: `created`, `system` (a user of the import system), `sourcedId`, `username`, `email`. */
  @Column({ type: 'text', name: 'matched_by' })
  matchedBy!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
