import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The IMS links' `sourced_id` in the "C" collation, as the roster's keys are (see
 * src/roster/shared/key-columns.ts): the import compares them with its key tables, which are
 * "C" to use the roster's indexes, and an index serves only comparisons in its own collation.
 * Equality is unchanged; changing the type rebuilds `(system, sourced_id)`.
 */
const TABLES = ['ims_person_link', 'ims_group_link'] as const;

export class ImsLinkKeysInByteOrder1795465445005 implements MigrationInterface {
  name = 'ImsLinkKeysInByteOrder1795465445005';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "sourced_id" TYPE text COLLATE "C"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "sourced_id" TYPE text COLLATE pg_catalog."default"`);
  }
}
