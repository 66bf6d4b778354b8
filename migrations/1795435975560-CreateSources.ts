import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSources1795435975560 implements MigrationInterface {
  name = 'CreateSources1795435975560';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "source" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "format" text NOT NULL, "host" text, "port" integer, "username" text, "password_enc" bytea, "private_key_enc" bytea, "passphrase_enc" bytea, "host_key_fingerprint" text, "folder" text NOT NULL, "file_patterns" text array NOT NULL, "schedule_cron" text, "time_zone" text NOT NULL DEFAULT 'UTC', "lookback_days" integer NOT NULL DEFAULT '28', "settle_seconds" integer NOT NULL DEFAULT '15', "processed_action" text NOT NULL DEFAULT 'LEAVE', "archive_folder" text, "format_options" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_018c433f8264b58c86363eaadde" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "source_name_key" ON "source"  ("name")`);
    await queryRunner.query(`CREATE TABLE "source_file" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "source_id" bigint NOT NULL, "path" text NOT NULL, "name" text NOT NULL, "size" bigint NOT NULL, "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL, "business_date" date, "status" text NOT NULL, "sha256" bytea, "attempts" integer NOT NULL DEFAULT '0', "resumes" integer NOT NULL DEFAULT '0', "job_id" bigint, "duplicate_of" bigint, "error" text, "disposition" text, "archived_path" text, "disposition_error" text, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "stable_at" TIMESTAMP WITH TIME ZONE, "imported_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dc9b2afd84eb59641fafff82ea6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "source_file_job_idx" ON "source_file"  ("job_id")`);
    await queryRunner.query(`CREATE INDEX "source_file_source_idx" ON "source_file"  ("source_id", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "source_file_imported_key" ON "source_file"  ("source_id", "path", "sha256") WHERE "status" = 'IMPORTED'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "source_file_open_key" ON "source_file"  ("source_id", "path") WHERE "status" IN ('SEEN', 'STABLE', 'IMPORTING', 'FAILED')`);
    await queryRunner.query(`ALTER TABLE "source_file" ADD CONSTRAINT "FK_0075191d1e2df426eadbe936e95" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "source_file" ADD CONSTRAINT "FK_5ef14d0f798529090895b5e66a1" FOREIGN KEY ("job_id") REFERENCES "sync_job"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "source_file" ADD CONSTRAINT "FK_52dcdc70d8d27800557b28756e5" FOREIGN KEY ("duplicate_of") REFERENCES "source_file"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "source_file" DROP CONSTRAINT "FK_52dcdc70d8d27800557b28756e5"`);
    await queryRunner.query(`ALTER TABLE "source_file" DROP CONSTRAINT "FK_5ef14d0f798529090895b5e66a1"`);
    await queryRunner.query(`ALTER TABLE "source_file" DROP CONSTRAINT "FK_0075191d1e2df426eadbe936e95"`);
    await queryRunner.query(`DROP INDEX "public"."source_file_open_key"`);
    await queryRunner.query(`DROP INDEX "public"."source_file_imported_key"`);
    await queryRunner.query(`DROP INDEX "public"."source_file_source_idx"`);
    await queryRunner.query(`DROP INDEX "public"."source_file_job_idx"`);
    await queryRunner.query(`DROP TABLE "source_file"`);
    await queryRunner.query(`DROP INDEX "public"."source_name_key"`);
    await queryRunner.query(`DROP TABLE "source"`);
  }
}
