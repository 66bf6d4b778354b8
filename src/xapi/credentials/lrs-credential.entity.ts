import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A basic-auth credential for the xAPI endpoint. The key id is the basic-auth user name and is
 * stored in clear (it names the credential); only a SHA-256 of the secret is stored.
 */
@Entity({ name: 'lrs_credential' })
export class LrsCredentialEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Index('lrs_credential_key_id_key', { unique: true })
  @Column({ type: 'text', name: 'key_id' })
  keyId!: string;

  @Column({ type: 'bytea', name: 'secret_hash' })
  secretHash!: Buffer;

  /** `read`, `write` or `all` (see lrs-scope.ts). */
  @Column({ type: 'text' })
  scope!: string;

  /** The xAPI version answers name when a request does not say which it speaks: `1.0.3` or `2.0.0`. */
  @Column({ type: 'text', name: 'xapi_version', default: '2.0.0' })
  xapiVersion!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
