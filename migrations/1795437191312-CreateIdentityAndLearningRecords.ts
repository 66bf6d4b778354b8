import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentityAndLearningRecords1795437191312 implements MigrationInterface {
  name = 'CreateIdentityAndLearningRecords1795437191312';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "external_account" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "external_id" text NOT NULL, "user_id" bigint NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_563f82c37007094bd38ffdd2113" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "external_account_user_idx" ON "external_account"  ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "external_account_key" ON "external_account"  ("system", "external_id")`);
    await queryRunner.query(`CREATE TABLE "external_person" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "person_key" text NOT NULL, "values" jsonb NOT NULL DEFAULT '{}', "account_id" text, "rules" jsonb NOT NULL DEFAULT '[]', "user_id" bigint, "status" text NOT NULL DEFAULT 'UNMATCHED', "method" text, "candidate_user_ids" bigint array NOT NULL DEFAULT '{}', "matched_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6ae572190e058f6415ebb04e7a6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "external_person_unmatched_idx" ON "external_person"  ("system", "id") WHERE "user_id" is null`);
    await queryRunner.query(`CREATE INDEX "external_person_user_idx" ON "external_person"  ("user_id")`);
    await queryRunner.query(`CREATE INDEX "external_person_account_idx" ON "external_person"  ("system", "account_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "external_person_key" ON "external_person"  ("system", "person_key")`);
    await queryRunner.query(`CREATE TABLE "link_key" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "user_id" bigint NOT NULL, "key_hash" bytea NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "account_id" bigint, "created_by_key_id" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e31ff38736ff4eb438604120b5c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "link_key_user_idx" ON "link_key"  ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "link_key_hash_key" ON "link_key"  ("key_hash")`);
    await queryRunner.query(`CREATE TABLE "learning_item" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "kind" text NOT NULL, "source_key" text NOT NULL, "name" text NOT NULL, "validity_months" integer, "validity_days" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "learning_item_validity_check" CHECK ("validity_months" >= 0 and "validity_days" >= 0), CONSTRAINT "PK_3c774f5a6cf3dc78853c9c14f45" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "learning_item_source_key" ON "learning_item"  ("system", "kind", "source_key")`);
    await queryRunner.query(`CREATE TABLE "learning_item_equivalence" ("item_id" bigint NOT NULL, "equivalent_item_id" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "learning_item_equivalence_distinct_check" CHECK ("item_id" <> "equivalent_item_id"), CONSTRAINT "PK_1bbedd1116c7bfc0ff9c4d265f5" PRIMARY KEY ("item_id", "equivalent_item_id"))`);
    await queryRunner.query(`CREATE INDEX "learning_item_equivalence_reverse_idx" ON "learning_item_equivalence"  ("equivalent_item_id")`);
    await queryRunner.query(`CREATE TABLE "learning_record" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "kind" text NOT NULL, "system" text NOT NULL, "person_id" bigint NOT NULL, "user_id" bigint, "item_id" bigint, "record_key" text NOT NULL, "status" text NOT NULL, "status_text" text, "score" numeric, "attempt" integer, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "valid_until" TIMESTAMP WITH TIME ZONE, "as_of" date NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "raw" jsonb NOT NULL DEFAULT '{}', "file_id" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d3cad05badb63342dd49259c56" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "learning_record_unmatched_idx" ON "learning_record"  ("system", "id") WHERE "user_id" is null`);
    await queryRunner.query(`CREATE INDEX "learning_record_person_idx" ON "learning_record"  ("person_id")`);
    await queryRunner.query(`CREATE INDEX "learning_record_item_idx" ON "learning_record"  ("item_id", "occurred_at", "id")`);
    await queryRunner.query(`CREATE INDEX "learning_record_timeline_idx" ON "learning_record"  ("user_id", "occurred_at", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "learning_record_source_key" ON "learning_record"  ("system", "kind", "person_id", "record_key")`);
    await queryRunner.query(`CREATE TABLE "learning_record_status" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "record_id" bigint NOT NULL, "status" text NOT NULL, "status_text" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "as_of" date NOT NULL, "file_id" bigint, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1cd59d9e72b5640867030500abe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "learning_record_status_record_idx" ON "learning_record_status"  ("record_id", "id")`);
    await queryRunner.query(`ALTER TABLE "external_account" ADD CONSTRAINT "FK_037e8dfadc1075a70f7dfe506f5" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "external_person" ADD CONSTRAINT "FK_f8aac332f851e0048c900a8a8f9" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "link_key" ADD CONSTRAINT "FK_89d8ce907051aa5ac248c54b385" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_item_equivalence" ADD CONSTRAINT "FK_3d6ef722ac8aed3fc5b13b1c120" FOREIGN KEY ("item_id") REFERENCES "learning_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_item_equivalence" ADD CONSTRAINT "FK_803b3ce84a53a091d39184416fc" FOREIGN KEY ("equivalent_item_id") REFERENCES "learning_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_record" ADD CONSTRAINT "FK_0321e8aad1873687f39e155fdec" FOREIGN KEY ("person_id") REFERENCES "external_person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_record" ADD CONSTRAINT "FK_19911fefad23b40a0251fa676a3" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_record" ADD CONSTRAINT "FK_816a8bdaa8aafcd2dbd5c17f192" FOREIGN KEY ("item_id") REFERENCES "learning_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_record" ADD CONSTRAINT "FK_f3ee710d7bb705e5c7d041413cc" FOREIGN KEY ("file_id") REFERENCES "ingest_file"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_record_status" ADD CONSTRAINT "FK_ddf3710fbb49c0a43fe5651b118" FOREIGN KEY ("record_id") REFERENCES "learning_record"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_record_status" ADD CONSTRAINT "FK_c4eb23fecead714320329b6d7b8" FOREIGN KEY ("file_id") REFERENCES "ingest_file"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "learning_record_status" DROP CONSTRAINT "FK_c4eb23fecead714320329b6d7b8"`);
    await queryRunner.query(`ALTER TABLE "learning_record_status" DROP CONSTRAINT "FK_ddf3710fbb49c0a43fe5651b118"`);
    await queryRunner.query(`ALTER TABLE "learning_record" DROP CONSTRAINT "FK_f3ee710d7bb705e5c7d041413cc"`);
    await queryRunner.query(`ALTER TABLE "learning_record" DROP CONSTRAINT "FK_816a8bdaa8aafcd2dbd5c17f192"`);
    await queryRunner.query(`ALTER TABLE "learning_record" DROP CONSTRAINT "FK_19911fefad23b40a0251fa676a3"`);
    await queryRunner.query(`ALTER TABLE "learning_record" DROP CONSTRAINT "FK_0321e8aad1873687f39e155fdec"`);
    await queryRunner.query(`ALTER TABLE "learning_item_equivalence" DROP CONSTRAINT "FK_803b3ce84a53a091d39184416fc"`);
    await queryRunner.query(`ALTER TABLE "learning_item_equivalence" DROP CONSTRAINT "FK_3d6ef722ac8aed3fc5b13b1c120"`);
    await queryRunner.query(`ALTER TABLE "link_key" DROP CONSTRAINT "FK_89d8ce907051aa5ac248c54b385"`);
    await queryRunner.query(`ALTER TABLE "external_person" DROP CONSTRAINT "FK_f8aac332f851e0048c900a8a8f9"`);
    await queryRunner.query(`ALTER TABLE "external_account" DROP CONSTRAINT "FK_037e8dfadc1075a70f7dfe506f5"`);
    await queryRunner.query(`DROP INDEX "public"."learning_record_status_record_idx"`);
    await queryRunner.query(`DROP TABLE "learning_record_status"`);
    await queryRunner.query(`DROP INDEX "public"."learning_record_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."learning_record_timeline_idx"`);
    await queryRunner.query(`DROP INDEX "public"."learning_record_item_idx"`);
    await queryRunner.query(`DROP INDEX "public"."learning_record_person_idx"`);
    await queryRunner.query(`DROP INDEX "public"."learning_record_unmatched_idx"`);
    await queryRunner.query(`DROP TABLE "learning_record"`);
    await queryRunner.query(`DROP INDEX "public"."learning_item_equivalence_reverse_idx"`);
    await queryRunner.query(`DROP TABLE "learning_item_equivalence"`);
    await queryRunner.query(`DROP INDEX "public"."learning_item_source_key"`);
    await queryRunner.query(`DROP TABLE "learning_item"`);
    await queryRunner.query(`DROP INDEX "public"."link_key_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."link_key_user_idx"`);
    await queryRunner.query(`DROP TABLE "link_key"`);
    await queryRunner.query(`DROP INDEX "public"."external_person_key"`);
    await queryRunner.query(`DROP INDEX "public"."external_person_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."external_person_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."external_person_unmatched_idx"`);
    await queryRunner.query(`DROP TABLE "external_person"`);
    await queryRunner.query(`DROP INDEX "public"."external_account_key"`);
    await queryRunner.query(`DROP INDEX "public"."external_account_user_idx"`);
    await queryRunner.query(`DROP TABLE "external_account"`);
  }
}
