import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateXapiDocuments1795440516441 implements MigrationInterface {
  name = 'CreateXapiDocuments1795440516441';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "xapi_document" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "kind" text NOT NULL, "activity_id" text NOT NULL, "agent_ifi" text NOT NULL, "registration" text NOT NULL, "document_id" text NOT NULL, "content" bytea NOT NULL, "content_type" text NOT NULL, "etag" text NOT NULL, "updated" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a627392f1d7c910b90e24a4907e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "xapi_document_key" ON "xapi_document"  ("kind", "activity_id", "agent_ifi", "registration", "document_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."xapi_document_key"`);
    await queryRunner.query(`DROP TABLE "xapi_document"`);
  }
}
