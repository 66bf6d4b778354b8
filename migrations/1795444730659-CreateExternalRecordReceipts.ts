import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateExternalRecordReceipts1795444730659 implements MigrationInterface {
  name = 'CreateExternalRecordReceipts1795444730659';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "external_record_receipt" ("system" text NOT NULL, "idempotency_key" text NOT NULL, "content_hash" text NOT NULL, "record_id" bigint, "file_id" bigint, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c73ca5eefa0e4000f0a171e0b1" PRIMARY KEY ("system", "idempotency_key"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "external_record_receipt"`);
  }
}
