import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScopeKeysRateLimitsAuditLog1795444371635 implements MigrationInterface {
  name = 'ScopeKeysRateLimitsAuditLog1795444371635';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "key_id" bigint, "key_name" text, "operation_name" text, "fields" text array NOT NULL, "variables" jsonb NOT NULL, "outcome" text NOT NULL, "duration_ms" integer NOT NULL, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_log_key_idx" ON "audit_log"  ("key_id", "id")`);
    // Unlogged: rate-limit counters need no WAL or fsync on every request, and losing them in a
    // crash only starts every key's window afresh.
    await queryRunner.query(`CREATE UNLOGGED TABLE "rate_limit" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT '0', "expire" bigint, CONSTRAINT "PK_e6c0c0608decdf78e4d4b263397" PRIMARY KEY ("key"))`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD "org_id" bigint`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD CONSTRAINT "FK_80f6e510b9dbf92323d35e4c5d1" FOREIGN KEY ("org_id") REFERENCES "org"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "FK_80f6e510b9dbf92323d35e4c5d1"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP COLUMN "org_id"`);
    await queryRunner.query(`DROP TABLE "rate_limit"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_key_idx"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
