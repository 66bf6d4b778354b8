import type { MigrationInterface, QueryRunner } from 'typeorm';

/** OneRoster 1.2 userProfiles.csv: a user's accounts at applications (never their passwords). */
export class CreateUserProfiles1795456148590 implements MigrationInterface {
  name = 'CreateUserProfiles1795456148590';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "user_profile" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "date_last_modified" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sourced_id" text NOT NULL, "user_id" bigint NOT NULL, "profile_type" text NOT NULL, "vendor_id" text NOT NULL, "application_id" text, "description" text, "credential_type" text NOT NULL, "username" text NOT NULL, CONSTRAINT "user_profile_status_check" CHECK ("status" in ('active', 'tobedeleted')), CONSTRAINT "PK_f44d0cd18cfd80b0fed7806c3b7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "user_profile_user_idx" ON "user_profile"  ("user_id", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_profile_source_key" ON "user_profile"  ("system", "sourced_id")`);
    await queryRunner.query(`ALTER TABLE "user_profile" ADD CONSTRAINT "FK_eee360f3bff24af1b6890765201" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Imports draw one id per row, like the other roster tables (see CacheRosterIds).
    await queryRunner.query(`ALTER TABLE "user_profile" ALTER COLUMN "id" SET CACHE 1000`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_profile" DROP CONSTRAINT "FK_eee360f3bff24af1b6890765201"`);
    await queryRunner.query(`DROP INDEX "public"."user_profile_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."user_profile_user_idx"`);
    await queryRunner.query(`DROP TABLE "user_profile"`);
  }
}
