import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OneRoster keys (sourcedIds, `role.user_profile`, `user_identifier`'s key columns) in the "C"
 * collation: equality is unchanged, sorts and index builds compare bytes (see
 * src/roster/shared/key-columns.ts). Changing a column's type rebuilds the indexes on it.
 */
const COLUMNS: readonly (readonly [table: string, column: string])[] = [
  ['org', 'sourced_id'],
  ['academic_session', 'sourced_id'],
  ['roster_user', 'sourced_id'],
  ['course', 'sourced_id'],
  ['class', 'sourced_id'],
  ['demographics', 'sourced_id'],
  ['enrollment', 'sourced_id'],
  ['role', 'sourced_id'],
  ['role', 'user_profile'],
  ['user_identifier', 'kind'],
  ['user_identifier', 'namespace'],
  ['user_identifier', 'value'],
  ['user_identifier', 'normalized'],
  ['user_profile', 'sourced_id'],
];

export class KeyColumnsInByteOrder1795461289511 implements MigrationInterface {
  name = 'KeyColumnsInByteOrder1795461289511';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE text COLLATE "C"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of [...COLUMNS].reverse()) {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE text COLLATE pg_catalog."default"`);
    }
  }
}
