import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateImsLinksAndClassGroups1795436922015 implements MigrationInterface {
  name = 'CreateImsLinksAndClassGroups1795436922015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "class_group" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "class_id" bigint NOT NULL, "name" text NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_434f602c23a1a713bca10d8101e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "class_group_key" ON "class_group"  ("class_id", "name")`);
    await queryRunner.query(`CREATE TABLE "class_group_member" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "group_id" bigint NOT NULL, "user_id" bigint NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_48cd912cedfee0cb1dfc225a053" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "class_group_member_user_idx" ON "class_group_member"  ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "class_group_member_key" ON "class_group_member"  ("group_id", "user_id")`);
    await queryRunner.query(`CREATE TABLE "ims_group_link" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "sourced_id" text NOT NULL, "class_id" bigint NOT NULL, "matched_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f8508c4ab7d6a6bc12cb368ee76" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ims_group_link_class_idx" ON "ims_group_link"  ("class_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ims_group_link_key" ON "ims_group_link"  ("system", "sourced_id")`);
    await queryRunner.query(`CREATE TABLE "ims_person_link" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "sourced_id" text NOT NULL, "user_id" bigint NOT NULL, "matched_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e190cb596a1171b0f9c99641095" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ims_person_link_user_idx" ON "ims_person_link"  ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ims_person_link_key" ON "ims_person_link"  ("system", "sourced_id")`);
    await queryRunner.query(`ALTER TABLE "class_group" ADD CONSTRAINT "FK_53227cd9e30b0fa4f0bdc7f3c47" FOREIGN KEY ("class_id") REFERENCES "class"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_group_member" ADD CONSTRAINT "FK_d94b00c4c7c00dca336f9483e6f" FOREIGN KEY ("group_id") REFERENCES "class_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_group_member" ADD CONSTRAINT "FK_37e726053482701d89aedba318e" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ims_group_link" ADD CONSTRAINT "FK_766d5a1265d91f11a007315845d" FOREIGN KEY ("class_id") REFERENCES "class"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ims_person_link" ADD CONSTRAINT "FK_ef58012f4ba86a1c04fa0558b68" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ims_person_link" DROP CONSTRAINT "FK_ef58012f4ba86a1c04fa0558b68"`);
    await queryRunner.query(`ALTER TABLE "ims_group_link" DROP CONSTRAINT "FK_766d5a1265d91f11a007315845d"`);
    await queryRunner.query(`ALTER TABLE "class_group_member" DROP CONSTRAINT "FK_37e726053482701d89aedba318e"`);
    await queryRunner.query(`ALTER TABLE "class_group_member" DROP CONSTRAINT "FK_d94b00c4c7c00dca336f9483e6f"`);
    await queryRunner.query(`ALTER TABLE "class_group" DROP CONSTRAINT "FK_53227cd9e30b0fa4f0bdc7f3c47"`);
    await queryRunner.query(`DROP INDEX "public"."ims_person_link_key"`);
    await queryRunner.query(`DROP INDEX "public"."ims_person_link_user_idx"`);
    await queryRunner.query(`DROP TABLE "ims_person_link"`);
    await queryRunner.query(`DROP INDEX "public"."ims_group_link_key"`);
    await queryRunner.query(`DROP INDEX "public"."ims_group_link_class_idx"`);
    await queryRunner.query(`DROP TABLE "ims_group_link"`);
    await queryRunner.query(`DROP INDEX "public"."class_group_member_key"`);
    await queryRunner.query(`DROP INDEX "public"."class_group_member_user_idx"`);
    await queryRunner.query(`DROP TABLE "class_group_member"`);
    await queryRunner.query(`DROP INDEX "public"."class_group_key"`);
    await queryRunner.query(`DROP TABLE "class_group"`);
  }
}
