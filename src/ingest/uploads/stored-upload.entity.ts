import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A file received through the API, kept in Postgres (not on the receiving server's disk) so
 * that a worker on any machine can import it.
 */
@Entity({ name: 'stored_upload' })
export class StoredUploadEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'bigint', default: 0 })
  size!: string;

  @Column({ type: 'bytea', nullable: true })
  sha256!: Buffer | null;

  /** Set once every chunk is stored; an incomplete upload is never imported. */
  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
