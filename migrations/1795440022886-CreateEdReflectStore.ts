import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEdReflectStore1795440022886 implements MigrationInterface {
  name = 'CreateEdReflectStore1795440022886';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "edreflect_column" ("system" text NOT NULL, "table_name" text NOT NULL, "column_name" text NOT NULL, "inferred_type" text NOT NULL, "filled" integer NOT NULL, "row_count" integer NOT NULL, CONSTRAINT "PK_0c1e5a47f014ca7f912259a62cf" PRIMARY KEY ("system", "table_name", "column_name"))`);
    await queryRunner.query(`CREATE TABLE "edreflect_row" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "group_name" text NOT NULL, "table_name" text NOT NULL, "row_id" text NOT NULL, "root_id" text, "parent_id" text, "values" jsonb NOT NULL, "file" text NOT NULL, "line" integer NOT NULL, "job_id" bigint NOT NULL, CONSTRAINT "PK_539cf866140230da99361d3eecc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "edreflect_row_parent" ON "edreflect_row"  ("system", "table_name", "parent_id")`);
    await queryRunner.query(`CREATE INDEX "edreflect_row_root" ON "edreflect_row"  ("system", "group_name", "root_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "edreflect_row_key" ON "edreflect_row"  ("system", "table_name", "row_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."edreflect_row_key"`);
    await queryRunner.query(`DROP INDEX "public"."edreflect_row_root"`);
    await queryRunner.query(`DROP INDEX "public"."edreflect_row_parent"`);
    await queryRunner.query(`DROP TABLE "edreflect_row"`);
    await queryRunner.query(`DROP TABLE "edreflect_column"`);
  }
}
