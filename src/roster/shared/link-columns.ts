import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Columns of rows that OneRoster sends inside another record rather than as records of their
 * own (a class's termSourcedIds, a user's agentSourcedIds and identifiers). They have no
 * sourcedId, status or dateLastModified: those belong to the owning record. They are
 * soft-deleted like records, so that an import never loses history.
 */
export abstract class LinkColumns {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The source system of the owning record. */
  @Column({ type: 'text' })
  system!: string;

  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
