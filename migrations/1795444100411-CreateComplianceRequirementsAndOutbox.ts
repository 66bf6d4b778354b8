import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateComplianceRequirementsAndOutbox1795444100411 implements MigrationInterface {
  name = 'CreateComplianceRequirementsAndOutbox1795444100411';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "compliance_mail_outbox" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "record_id" bigint NOT NULL, "threshold_days" integer NOT NULL, "user_id" bigint NOT NULL, "recipient" text NOT NULL, "payload" jsonb NOT NULL, "state" text NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "message_id" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "compliance_mail_outbox_state_check" CHECK ("state" in ('PENDING', 'RETRY', 'SENT', 'FAILED')), CONSTRAINT "PK_a37c71683683caf7dbf37e5fa7b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "compliance_mail_outbox_due_idx" ON "compliance_mail_outbox"  ("next_attempt_at", "id") WHERE "state" in ('PENDING', 'RETRY')`);
    await queryRunner.query(`CREATE UNIQUE INDEX "compliance_mail_outbox_key" ON "compliance_mail_outbox"  ("record_id", "threshold_days")`);
    await queryRunner.query(`CREATE TABLE "learning_requirement" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "item_id" bigint NOT NULL, "target" text NOT NULL, "org_id" bigint, "role" text, "class_id" bigint, "due_on" date, "valid_months" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "learning_requirement_valid_months_check" CHECK ("valid_months" between 1 and 600), CONSTRAINT "learning_requirement_when_check" CHECK ("due_on" is not null or "valid_months" is not null), CONSTRAINT "learning_requirement_target_check" CHECK (("target" = 'ORG' and "org_id" is not null and "role" is null and "class_id" is null)
  or ("target" = 'ROLE' and "role" is not null and "class_id" is null)
  or ("target" = 'CLASS' and "class_id" is not null and "org_id" is null and "role" is null)), CONSTRAINT "PK_223c2a40827838191fb2352c431" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "learning_requirement_class_idx" ON "learning_requirement"  ("class_id")`);
    await queryRunner.query(`CREATE INDEX "learning_requirement_org_idx" ON "learning_requirement"  ("org_id")`);
    await queryRunner.query(`CREATE INDEX "learning_requirement_item_idx" ON "learning_requirement"  ("item_id")`);
    await queryRunner.query(`ALTER TABLE "learning_requirement" ADD CONSTRAINT "FK_81007c180e3b16b0af955cb37c1" FOREIGN KEY ("item_id") REFERENCES "learning_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "learning_requirement" DROP CONSTRAINT "FK_81007c180e3b16b0af955cb37c1"`);
    await queryRunner.query(`DROP INDEX "public"."learning_requirement_item_idx"`);
    await queryRunner.query(`DROP INDEX "public"."learning_requirement_org_idx"`);
    await queryRunner.query(`DROP INDEX "public"."learning_requirement_class_idx"`);
    await queryRunner.query(`DROP TABLE "learning_requirement"`);
    await queryRunner.query(`DROP INDEX "public"."compliance_mail_outbox_key"`);
    await queryRunner.query(`DROP INDEX "public"."compliance_mail_outbox_due_idx"`);
    await queryRunner.query(`DROP TABLE "compliance_mail_outbox"`);
  }
}
