import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Another LRS we pull statements from on a schedule: where it is, how we sign in (the
 * password sealed with SECRETS_KEY, as sources keep theirs), which statements (filters) and
 * how far we have got: `watermark` is the `since` of the next pull, only ever advanced to what
 * the remote vouched for with `X-Experience-API-Consistent-Through`.
 */
@Entity({ name: 'xapi_pull_source' })
@Index('xapi_pull_source_name_key', ['name'], { unique: true })
export class XapiPullSourceEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The remote LRS's base (`https://lrs.example.org/xapi`); `/statements` is appended. */
  @Column({ type: 'text' })
  endpoint!: string;

  @Column({ type: 'text' })
  username!: string;

  /** AES-256-GCM, purpose `xapi_pull.password` (shared/secret-box.ts). */
  @Column({ type: 'bytea', name: 'password_enc' })
  passwordEnc!: Buffer;

  /** The X-Experience-API-Version we speak to it (1.0.3 or 2.0.0). */
  @Column({ type: 'text', default: '1.0.3' })
  version!: string;

  /** `{ verb?, activity?, agent?, registration? }`: passed to GET /statements as they are. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  filters!: Record<string, string>;

  @Column({ type: 'text', name: 'schedule_cron', nullable: true })
  scheduleCron!: string | null;

  @Column({ type: 'text', name: 'time_zone', default: 'UTC' })
  timeZone!: string;

  /** Statements stored (on the remote) after this are still to pull; null = from the beginning. */
  @Column({ type: 'timestamptz', nullable: true })
  watermark!: Date | null;

  @Column({ type: 'timestamptz', name: 'last_pulled_at', nullable: true })
  lastPulledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
