import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The typed EdReflect graph reads `edreflect_row` directly; these partial expression indexes
 * serve its lookups by user (a user's observations as observed or observer, their goals).
 * Declared with `synchronize: false` on the entity: TypeORM cannot describe expression indexes.
 */
export class AddEdReflectGraphIndexes1795444328427 implements MigrationInterface {
  name = 'AddEdReflectGraphIndexes1795444328427';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "edreflect_row_observed" ON "edreflect_row" ("system", ("values" ->> 'learnerId')) WHERE "table_name" = 'observations'`);
    await queryRunner.query(`CREATE INDEX "edreflect_row_observer" ON "edreflect_row" ("system", ("values" ->> 'observerId')) WHERE "table_name" = 'observations'`);
    await queryRunner.query(`CREATE INDEX "edreflect_row_goal_owner" ON "edreflect_row" ("system", ("values" ->> 'ownerId')) WHERE "table_name" = 'goals'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."edreflect_row_goal_owner"`);
    await queryRunner.query(`DROP INDEX "public"."edreflect_row_observer"`);
    await queryRunner.query(`DROP INDEX "public"."edreflect_row_observed"`);
  }
}
