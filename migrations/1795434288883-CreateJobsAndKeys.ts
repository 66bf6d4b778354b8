import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateJobsAndKeys1795434288883 implements MigrationInterface {
  name = 'CreateJobsAndKeys1795434288883';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "api_key" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "prefix" text NOT NULL, "key_hash" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "api_key_hash_key" ON "api_key"  ("key_hash")`);
    await queryRunner.query(`CREATE TABLE "sync_job" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "kind" text NOT NULL, "source_label" text NOT NULL, "source_id" bigint, "params" jsonb NOT NULL DEFAULT '{}'::jsonb, "status" text NOT NULL DEFAULT 'QUEUED', "phase" text NOT NULL DEFAULT 'queued', "rows_done" bigint NOT NULL DEFAULT '0', "rows_total" bigint, "added" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "deleted" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "rejected" integer NOT NULL DEFAULT '0', "warnings" integer NOT NULL DEFAULT '0', "entity_counts" jsonb NOT NULL DEFAULT '{}'::jsonb, "result" jsonb NOT NULL DEFAULT '{}'::jsonb, "failure_code" text, "failure_message" text, "attempts" integer NOT NULL DEFAULT '0', "created_by_key_id" bigint, "cancel_requested_at" TIMESTAMP WITH TIME ZONE, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c67dd094a438a13f904e9a5fb7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "sync_job_status_idx" ON "sync_job"  ("status", "id")`);
    await queryRunner.query(`CREATE TABLE "sync_job_issue" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "job_id" bigint NOT NULL, "severity" text NOT NULL, "code" text NOT NULL, "file" text, "line" integer, "column" text, "message" text NOT NULL, "record_key" text, CONSTRAINT "PK_e5e8ef82bc98d5cc33006efe0ed" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "sync_job_issue_job_idx" ON "sync_job_issue"  ("job_id", "id")`);
    // Every change of a job reaches subscribers on every server instance; only the id is sent
    // (NOTIFY payloads are small and unstored), listeners re-read the row.
    await queryRunner.query(`CREATE FUNCTION "sync_job_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('sync_job_updated', json_build_object('id', NEW.id::text)::text);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "sync_job_notify" AFTER INSERT OR UPDATE ON "sync_job" FOR EACH ROW EXECUTE FUNCTION "sync_job_notify"()`);
    await queryRunner.query(`ALTER TABLE "sync_job_issue" ADD CONSTRAINT "FK_8dc870a9a174b32973699e88ef1" FOREIGN KEY ("job_id") REFERENCES "sync_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "sync_job_notify" ON "sync_job"`);
    await queryRunner.query(`DROP FUNCTION "sync_job_notify"()`);
    await queryRunner.query(`ALTER TABLE "sync_job_issue" DROP CONSTRAINT "FK_8dc870a9a174b32973699e88ef1"`);
    await queryRunner.query(`DROP INDEX "public"."sync_job_issue_job_idx"`);
    await queryRunner.query(`DROP TABLE "sync_job_issue"`);
    await queryRunner.query(`DROP INDEX "public"."sync_job_status_idx"`);
    await queryRunner.query(`DROP TABLE "sync_job"`);
    await queryRunner.query(`DROP INDEX "public"."api_key_hash_key"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
  }
}
