import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStoredUploads1795436645176 implements MigrationInterface {
  name = 'CreateStoredUploads1795436645176';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "stored_upload" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "name" text NOT NULL, "size" bigint NOT NULL DEFAULT '0', "sha256" bytea, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_76120498d0d42e62945de65b2b9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "stored_upload_chunk" ("upload_id" bigint NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_b6c09d9bc561e69bfd71353fa33" PRIMARY KEY ("upload_id", "seq"))`);
    await queryRunner.query(`ALTER TABLE "stored_upload_chunk" ADD CONSTRAINT "FK_d9accf4b4e88ee40beb7d2ac0fc" FOREIGN KEY ("upload_id") REFERENCES "stored_upload"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stored_upload_chunk" DROP CONSTRAINT "FK_d9accf4b4e88ee40beb7d2ac0fc"`);
    await queryRunner.query(`DROP TABLE "stored_upload_chunk"`);
    await queryRunner.query(`DROP TABLE "stored_upload"`);
  }
}
