import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Column discovery: per table, every column seen in the stored rows, its inferred type and
 * fill rate. Recomputed from edreflect_row after each import, so it always describes what is
 * stored now.
 */
@Entity({ name: 'edreflect_column' })
export class EdReflectColumnEntity {
  @PrimaryColumn({ type: 'text' })
  system!: string;

  @PrimaryColumn({ type: 'text', name: 'table_name' })
  tableName!: string;

  @PrimaryColumn({ type: 'text', name: 'column_name' })
  columnName!: string;

  /** integer | number | boolean | timestamp | date | text | empty (never filled). */
  @Column({ type: 'text', name: 'inferred_type' })
  inferredType!: string;

  /** Rows where the column is present and not empty. */
  @Column({ type: 'integer' })
  filled!: number;

  /** Rows of the table. */
  @Column({ type: 'integer', name: 'row_count' })
  rowCount!: number;
}
