import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HideLinksOfDeletedUsers1795455981079 implements MigrationInterface {
  name = 'HideLinksOfDeletedUsers1795455981079';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agent" ADD "deleted_with_user" boolean NOT NULL DEFAULT false`);
    // Users deleted before this: their identifiers and agent links go with them, as imports now do.
    await queryRunner.query(`UPDATE "user_identifier" ui SET "deleted_at" = u."deleted_at", "updated_at" = now()
      FROM "roster_user" u WHERE u."id" = ui."user_id" AND u."deleted_at" IS NOT NULL AND ui."deleted_at" IS NULL`);
    await queryRunner.query(`UPDATE "agent" a SET "deleted_at" = now(), "deleted_with_user" = true, "updated_at" = now()
      WHERE a."deleted_at" IS NULL AND EXISTS (SELECT 1 FROM "roster_user" u WHERE u."id" IN (a."user_id", a."agent_user_id") AND u."deleted_at" IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Links hidden with a user stay deleted; only the marker that would bring them back goes.
    await queryRunner.query(`ALTER TABLE "agent" DROP COLUMN "deleted_with_user"`);
  }
}
