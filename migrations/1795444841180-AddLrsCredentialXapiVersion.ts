import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddLrsCredentialXapiVersion1795444841180 implements MigrationInterface {
  name = 'AddLrsCredentialXapiVersion1795444841180';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lrs_credential" ADD "xapi_version" text NOT NULL DEFAULT '2.0.0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lrs_credential" DROP COLUMN "xapi_version"`);
  }
}
