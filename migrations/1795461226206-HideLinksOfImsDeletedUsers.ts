import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HideLinksOfImsDeletedUsers1795461226206 implements MigrationInterface {
  name = 'HideLinksOfImsDeletedUsers1795461226206';

  async up(queryRunner: QueryRunner): Promise<void> {
    // HideLinksOfDeletedUsers hid the links of every user deleted before it. Since then IMS files
    // deleted persons without hiding theirs (and wrote the identifiers of deleted persons named
    // again); IMS imports now hide them as OneRoster's do. Every deleted user is covered: users
    // OneRoster deleted already satisfy both conditions, so only IMS's are changed.
    await queryRunner.query(`UPDATE "user_identifier" ui SET "deleted_at" = u."deleted_at", "updated_at" = now()
      FROM "roster_user" u WHERE u."id" = ui."user_id" AND u."deleted_at" IS NOT NULL AND ui."deleted_at" IS NULL`);
    await queryRunner.query(`UPDATE "agent" a SET "deleted_at" = now(), "deleted_with_user" = true, "updated_at" = now()
      WHERE a."deleted_at" IS NULL AND EXISTS (SELECT 1 FROM "roster_user" u WHERE u."id" IN (a."user_id", a."agent_user_id") AND u."deleted_at" IS NOT NULL)`);
  }

  async down(): Promise<void> {
    // Data only: links hidden with a deleted user stay hidden; they come back with the user.
  }
}
