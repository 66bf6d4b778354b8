import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateXapiPullSources1795445306590 implements MigrationInterface {
  name = 'CreateXapiPullSources1795445306590';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "xapi_pull_source" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "name" text NOT NULL, "endpoint" text NOT NULL, "username" text NOT NULL, "password_enc" bytea NOT NULL, "version" text NOT NULL DEFAULT '1.0.3', "filters" jsonb NOT NULL DEFAULT '{}', "schedule_cron" text, "time_zone" text NOT NULL DEFAULT 'UTC', "watermark" TIMESTAMP WITH TIME ZONE, "last_pulled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_caade38205eccd00afd627eaca3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "xapi_pull_source_name_key" ON "xapi_pull_source"  ("name")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."xapi_pull_source_name_key"`);
    await queryRunner.query(`DROP TABLE "xapi_pull_source"`);
  }
}
