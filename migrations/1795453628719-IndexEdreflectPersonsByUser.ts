import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexEdreflectPersonsByUser1795453628719 implements MigrationInterface {
  name = 'IndexEdreflectPersonsByUser1795453628719';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "external_person_edreflect_user_idx" ON "external_person"  ("user_id") WHERE "system" like 'edreflect:%'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."external_person_edreflect_user_idx"`);
  }
}
