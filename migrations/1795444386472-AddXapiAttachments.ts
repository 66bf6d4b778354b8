import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddXapiAttachments1795444386472 implements MigrationInterface {
  name = 'AddXapiAttachments1795444386472';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "xapi_attachment" ("sha2" text NOT NULL, "content_type" text NOT NULL, "content" bytea NOT NULL, CONSTRAINT "PK_e463d880ca2d6997edde4cdab84" PRIMARY KEY ("sha2"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "xapi_attachment"`);
  }
}
