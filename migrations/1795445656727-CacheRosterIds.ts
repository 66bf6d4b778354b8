import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The roster tables an import fills a row at a time through their identity column. */
const TABLES = ['academic_session', 'org', 'course', 'class', 'class_term', 'roster_user', 'user_identifier', 'agent', 'role', 'demographics', 'enrollment'];

/**
 * Roster ids come from sequences that an import draws on once per row; with the default cache
 * of one, every draw locks and writes the sequence's page (about a quarter of a bulk import's
 * insert time). A session now takes ids a thousand at a time. Ids stay unique and increasing
 * per session; a session that ends leaves a gap, which nothing reads meaning into.
 */
export class CacheRosterIds1795445656727 implements MigrationInterface {
  name = 'CacheRosterIds1795445656727';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "id" SET CACHE 1000`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "id" SET CACHE 1`);
  }
}
