import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIngestLedger1795435301403 implements MigrationInterface {
  name = 'CreateIngestLedger1795435301403';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "ingest_file" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "sha256" bytea NOT NULL, "name" text NOT NULL, "size" bigint NOT NULL, "format" text NOT NULL, "source_label" text NOT NULL, "source_id" bigint, "job_id" bigint, "status" text NOT NULL DEFAULT 'received', "duplicate_of" bigint, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "applied_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_52cfc86548f99c22a279ed42017" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ingest_file_job_idx" ON "ingest_file"  ("job_id")`);
    // Each content + format can be applied once: a concurrent second import of the same file
    // fails on this index instead of applying twice.
    await queryRunner.query(`CREATE UNIQUE INDEX "ingest_file_applied_key" ON "ingest_file"  ("format", "sha256") WHERE "status" = 'applied'`);
    await queryRunner.query(`ALTER TABLE "ingest_file" ADD CONSTRAINT "FK_b6e735c9c3d661f4b7bd2a145ce" FOREIGN KEY ("job_id") REFERENCES "sync_job"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ingest_file" ADD CONSTRAINT "FK_a70a932ab6fa0ebd9a801139a2b" FOREIGN KEY ("duplicate_of") REFERENCES "ingest_file"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ingest_file" DROP CONSTRAINT "FK_a70a932ab6fa0ebd9a801139a2b"`);
    await queryRunner.query(`ALTER TABLE "ingest_file" DROP CONSTRAINT "FK_b6e735c9c3d661f4b7bd2a145ce"`);
    await queryRunner.query(`DROP INDEX "public"."ingest_file_applied_key"`);
    await queryRunner.query(`DROP INDEX "public"."ingest_file_job_idx"`);
    await queryRunner.query(`DROP TABLE "ingest_file"`);
  }
}
