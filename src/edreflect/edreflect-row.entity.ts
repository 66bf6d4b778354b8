import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row of an EdReflect offboarding table, stored as sent. The field definitions are not
 * public and every file carries its own header, so values keep every column by its header
 * name (unknown tables and columns are never dropped). `row_id` follows the id rule in
 * table-naming.ts; `root_id` names the group's model (the unit of change-only exports).
 */
@Entity({ name: 'edreflect_row' })
@Index('edreflect_row_key', ['system', 'tableName', 'rowId'], { unique: true })
@Index('edreflect_row_root', ['system', 'groupName', 'rootId'])
@Index('edreflect_row_parent', ['system', 'tableName', 'parentId'])
// Partial expression indexes for the typed graph's lookups by user (see records/record-kinds.ts);
// made by hand in migration AddEdReflectGraphIndexes, as TypeORM cannot describe them.
@Index('edreflect_row_observed', { synchronize: false })
@Index('edreflect_row_observer', { synchronize: false })
@Index('edreflect_row_goal_owner', { synchronize: false })
export class EdReflectRowEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** The EdReflect tenant the export came from. */
  @Column({ type: 'text' })
  system!: string;

  /** The file group (`observations`), the first part of the table name. */
  @Column({ type: 'text', name: 'group_name' })
  groupName!: string;

  /** The file name without `.csv` (`observations.work.evaluations`). */
  @Column({ type: 'text', name: 'table_name' })
  tableName!: string;

  @Column({ type: 'text', name: 'row_id' })
  rowId!: string;

  /** The id of the group's model the row belongs to (`rubricId` in rubric tables). */
  @Column({ type: 'text', name: 'root_id', nullable: true })
  rootId!: string | null;

  /** The row's parent in the table one level up (`indicatorId` for nested indicators). */
  @Column({ type: 'text', name: 'parent_id', nullable: true })
  parentId!: string | null;

  /** Every column as sent, by header name; empty cells are kept as "". */
  @Column({ type: 'jsonb' })
  values!: Record<string, string>;

  @Column({ type: 'text' })
  file!: string;

  @Column({ type: 'integer' })
  line!: number;

  /** The import job that last wrote the row. */
  @Column({ type: 'bigint', name: 'job_id' })
  jobId!: string;
}
