import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { UserEntity } from '../../roster/user/user.entity';
import { ClassGroupEntity } from './class-group.entity';

/**
 * A user in a class group. `system` says which source put them there; an IMS unenrol removes
 * (soft-deletes) only the memberships IMS made, as Moodle removes only its plugin's.
 */
@Entity({ name: 'class_group_member' })
@Index('class_group_member_key', ['groupId', 'userId'], { unique: true })
@Index('class_group_member_user_idx', ['userId'])
export class ClassGroupMemberEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  system!: string;

  @Column({ type: 'bigint', name: 'group_id' })
  groupId!: string;

  @ManyToOne(() => ClassGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<ClassGroupEntity>;

  @Column({ type: 'bigint', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
