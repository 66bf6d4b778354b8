import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateXapiStatements1795440177995 implements MigrationInterface {
  name = 'CreateXapiStatements1795440177995';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "lrs_credential" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "name" text NOT NULL, "key_id" text NOT NULL, "secret_hash" bytea NOT NULL, "scope" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d0cc9a61102d74135b0450482e7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "lrs_credential_key_id_key" ON "lrs_credential"  ("key_id")`);
    await queryRunner.query(`CREATE TABLE "xapi_statement_activity" ("statement_pk" bigint NOT NULL, "activity_iri" text NOT NULL, "usage" text NOT NULL, CONSTRAINT "PK_924a0bf963f22bd7d2662464ce5" PRIMARY KEY ("statement_pk", "activity_iri", "usage"))`);
    await queryRunner.query(`CREATE INDEX "xapi_statement_activity_iri_idx" ON "xapi_statement_activity"  ("activity_iri", "statement_pk")`);
    await queryRunner.query(`CREATE TABLE "xapi_statement_agent" ("statement_pk" bigint NOT NULL, "ifi" text NOT NULL, "usage" text NOT NULL, CONSTRAINT "PK_0399c6d702946279c057a1d49e8" PRIMARY KEY ("statement_pk", "ifi", "usage"))`);
    await queryRunner.query(`CREATE INDEX "xapi_statement_agent_ifi_idx" ON "xapi_statement_agent"  ("ifi", "statement_pk")`);
    await queryRunner.query(`CREATE TABLE "xapi_statement" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "statement_id" uuid NOT NULL, "statement" jsonb NOT NULL, "stored" TIMESTAMP WITH TIME ZONE NOT NULL, "timestamp" TIMESTAMP WITH TIME ZONE NOT NULL, "verb_iri" text NOT NULL, "registration" uuid, "voided" boolean NOT NULL DEFAULT false, "is_voiding" boolean NOT NULL DEFAULT false, "credential_id" bigint, CONSTRAINT "PK_9bfc5bbeb2c14036fc00b185551" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "xapi_statement_statement_id_key" ON "xapi_statement"  ("statement_id")`);
    await queryRunner.query(`CREATE INDEX "xapi_statement_verb_idx" ON "xapi_statement"  ("verb_iri")`);
    await queryRunner.query(`CREATE INDEX "xapi_statement_registration_idx" ON "xapi_statement"  ("registration")`);
    await queryRunner.query(`CREATE INDEX "xapi_statement_stored_idx" ON "xapi_statement"  ("stored", "id")`);
    await queryRunner.query(`CREATE TABLE "xapi_statement_ref" ("statement_pk" bigint NOT NULL, "target_statement_id" uuid NOT NULL, CONSTRAINT "PK_afc3a100980bd615eaa1e5b1cca" PRIMARY KEY ("statement_pk"))`);
    await queryRunner.query(`CREATE INDEX "xapi_statement_ref_target_idx" ON "xapi_statement_ref"  ("target_statement_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."xapi_statement_ref_target_idx"`);
    await queryRunner.query(`DROP TABLE "xapi_statement_ref"`);
    await queryRunner.query(`DROP INDEX "public"."xapi_statement_stored_idx"`);
    await queryRunner.query(`DROP INDEX "public"."xapi_statement_registration_idx"`);
    await queryRunner.query(`DROP INDEX "public"."xapi_statement_verb_idx"`);
    await queryRunner.query(`DROP INDEX "public"."xapi_statement_statement_id_key"`);
    await queryRunner.query(`DROP TABLE "xapi_statement"`);
    await queryRunner.query(`DROP INDEX "public"."xapi_statement_agent_ifi_idx"`);
    await queryRunner.query(`DROP TABLE "xapi_statement_agent"`);
    await queryRunner.query(`DROP INDEX "public"."xapi_statement_activity_iri_idx"`);
    await queryRunner.query(`DROP TABLE "xapi_statement_activity"`);
    await queryRunner.query(`DROP INDEX "public"."lrs_credential_key_id_key"`);
    await queryRunner.query(`DROP TABLE "lrs_credential"`);
  }
}
