import type { QueryRunner } from 'typeorm';
import { invariant } from '../../shared/invariant';

/** A staging table: every column text (cast in SQL on apply), plus the source line. */
export interface StagingTable {
  /** Table name; an identifier from code, never from input. */
  readonly table: string;
  readonly columns: readonly string[];
}

/** The source line of each staged row; reserved in every staging table. */
export const LINE_COLUMN = 'line';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteIdentifier(name: string): string {
  invariant(IDENTIFIER.test(name), `"${name}" is not a plain lower-case identifier`);
  return `"${name}"`;
}

/**
 * Creates `staging.table` as a TEMP table dropped at commit: private to this transaction's
 * session, never WAL-logged, gone when the import commits or rolls back, so concurrent imports
 * never see each other's rows and nothing needs cleaning after a crash.
 */
export async function createStagingTable(queryRunner: QueryRunner, staging: StagingTable): Promise<void> {
  invariant(queryRunner.isTransactionActive, 'a staging table lives inside the import transaction; start it first');
  invariant(!staging.columns.includes(LINE_COLUMN), `"${LINE_COLUMN}" is reserved in staging tables`);
  invariant(new Set(staging.columns).size === staging.columns.length, `staging table ${staging.table} repeats a column`);
  const columns = staging.columns.map((c) => `${quoteIdentifier(c)} text`);
  await queryRunner.query(
    `create temp table ${quoteIdentifier(staging.table)} (${quoteIdentifier(LINE_COLUMN)} integer not null, ${columns.join(', ')}) on commit drop`,
  );
}
