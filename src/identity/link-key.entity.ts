import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../roster';

/**
 * A one-time key given to one user to link an outside account ("a unique key we provide").
 * Only its SHA-256 is kept; the key itself is shown once, when made.
 */
@Entity({ name: 'link_key' })
@Index('link_key_hash_key', ['keyHash'], { unique: true })
@Index('link_key_user_idx', ['userId'])
export class LinkKeyEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'bigint', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'bytea', name: 'key_hash' })
  keyHash!: Buffer;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;

  /** Set when redeemed: a key links one account, once. */
  @Column({ type: 'timestamptz', name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'bigint', name: 'account_id', nullable: true })
  accountId!: string | null;

  @Column({ type: 'bigint', name: 'created_by_key_id', nullable: true })
  createdByKeyId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
