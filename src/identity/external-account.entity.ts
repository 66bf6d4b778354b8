import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../roster';

/**
 * An outside account tied to a user by a redeemed link key ("log in to the remote system once
 * to link it"). Records of that system carrying that account id match the user from then on,
 * ahead of any identifier.
 */
@Entity({ name: 'external_account' })
@Index('external_account_key', ['system', 'externalId'], { unique: true })
@Index('external_account_user_idx', ['userId'])
export class ExternalAccountEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  system!: string;

  /** The account's id in that system, exactly as it sends it. */
  @Column({ type: 'text', name: 'external_id' })
  externalId!: string;

  @Column({ type: 'bigint', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz', name: 'linked_at' })
  linkedAt!: Date;
}
