import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Columns every roster record carries, whatever its source. `sourced_id` is declared by each
 * entity (roles derived from OneRoster 1.1 users have none), as is its `(system, sourced_id)`
 * key, because index names are global.
 *
 * Imports never hard-delete: a record missing from a bulk file or sent as `tobedeleted` gets
 * `deleted_at` (and status `tobedeleted`) and comes back to life when it reappears.
 */
export abstract class RosterRecordColumns {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The source system that sent the record; sourcedIds are only unique within one system. */
  @Column({ type: 'text' })
  system!: string;

  /** OneRoster record status: `active` or `tobedeleted` (1.1's `inactive` is mapped on import). */
  @Column({ type: 'text', default: 'active' })
  status!: string;

  /** As sent by the source; delta rows older than this are stale and skipped. */
  @Column({ type: 'timestamptz', name: 'date_last_modified', nullable: true })
  dateLastModified!: Date | null;

  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;

  /** OneRoster `metadata.*` extension columns, by name without the prefix. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
