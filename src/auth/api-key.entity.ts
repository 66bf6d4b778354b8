import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { OrgEntity } from '../roster/org/org.entity';

/** An API key. Only a SHA-256 of the secret is stored; the key itself is shown once. */
@Entity({ name: 'api_key' })
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: string;

  /** First characters of the key, so operators can tell keys apart without the secret. */
  @Column({ type: 'text' })
  prefix!: string;

  @Index('api_key_hash_key', { unique: true })
  @Column({ type: 'bytea', name: 'key_hash' })
  keyHash!: Buffer;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  /** The org whose subtree the key is limited to; null for a key that sees every org. */
  @Column({ type: 'bigint', name: 'org_id', nullable: true })
  orgId!: string | null;

  @ManyToOne(() => OrgEntity)
  @JoinColumn({ name: 'org_id' })
  org?: Relation<OrgEntity>;
}
