import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roster tables a delta updates row by row keep a tenth of each page free, so that an
 * update which changes no indexed column (an end date, a name, `dateLastModified`) writes its
 * new row version on the same page and adds nothing to the table's indexes (a HOT update).
 * Filled to the brim by a first bulk load, every page was full: each updated row moved to
 * another page and was entered again in each of the table's indexes (five for enrollments), two
 * fifths of a 1% delta's time after a district's first load. Existing pages keep their rows
 * until rewritten; pages written from now on leave the room.
 */
const TABLES = ['enrollment', 'roster_user', 'role', 'demographics'] as const;

export class RosterRowsRoomForUpdates1795476139451 implements MigrationInterface {
  name = 'RosterRowsRoomForUpdates1795476139451';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" SET (fillfactor = 90)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE "${table}" RESET (fillfactor)`);
  }
}
