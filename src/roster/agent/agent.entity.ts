import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { LinkColumns } from '../shared/link-columns';
import { UserEntity } from '../user/user.entity';

/** A user's `agentSourcedIds` entry: someone (a parent, a guardian) who acts for them. */
@Entity({ name: 'agent' })
@Index('agent_key', ['userId', 'agentUserId'], { unique: true })
@Index('agent_agent_user_idx', ['agentUserId', 'userId'])
export class AgentEntity extends LinkColumns {
  @Column({ type: 'bigint', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'bigint', name: 'agent_user_id' })
  agentUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_user_id' })
  agentUser?: Relation<UserEntity>;

  /**
   * Deleted only because one of its two users is deleted: the owner still lists the agent, so
   * the link comes back with them. A link the owner no longer lists is deleted without it.
   */
  @Column({ type: 'boolean', name: 'deleted_with_user', default: false })
  deletedWithUser!: boolean;

  /** OneRoster does not say; an importer may fill it from the agent's role (parent, guardian). */
  @Column({ type: 'text', nullable: true })
  relationship!: string | null;
}
