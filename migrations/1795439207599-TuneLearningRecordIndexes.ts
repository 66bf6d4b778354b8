import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TuneLearningRecordIndexes1795439207599 implements MigrationInterface {
  name = 'TuneLearningRecordIndexes1795439207599';

  async up(queryRunner: QueryRunner): Promise<void> {
    // file_id is a pointer for people: its foreign-key check cost a lookup per imported row.
    await queryRunner.query(`ALTER TABLE "learning_record" DROP CONSTRAINT "FK_f3ee710d7bb705e5c7d041413cc"`);
    await queryRunner.query(`ALTER TABLE "learning_record_status" DROP CONSTRAINT "FK_c4eb23fecead714320329b6d7b8"`);
    // The reconciliation key, person first, also serves the person lookups the dropped index did.
    await queryRunner.query(`DROP INDEX "public"."learning_record_source_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "learning_record_source_key" ON "learning_record"  ("person_id", "system", "kind", "record_key")`);
    await queryRunner.query(`DROP INDEX "public"."learning_record_person_idx"`);
    // What compliance reads, answerable from the index alone.
    await queryRunner.query(`CREATE INDEX "learning_record_held_idx" ON "learning_record"  ("user_id", "item_id", "completed_at", "id") WHERE "completed_at" is not null`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."learning_record_held_idx"`);
    await queryRunner.query(`CREATE INDEX "learning_record_person_idx" ON "learning_record" USING btree ("person_id")`);
    await queryRunner.query(`DROP INDEX "public"."learning_record_source_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "learning_record_source_key" ON "learning_record"  ("system", "kind", "person_id", "record_key")`);
    await queryRunner.query(`ALTER TABLE "learning_record_status" ADD CONSTRAINT "FK_c4eb23fecead714320329b6d7b8" FOREIGN KEY ("file_id") REFERENCES "ingest_file"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "learning_record" ADD CONSTRAINT "FK_f3ee710d7bb705e5c7d041413cc" FOREIGN KEY ("file_id") REFERENCES "ingest_file"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }
}
