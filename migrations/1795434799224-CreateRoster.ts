import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roster (OneRoster 1.2-shaped; 1.1 maps into it). Every record table is keyed for the
 * importer's set-based upserts by a unique `(system, sourced_id)`: sourcedIds are only unique
 * per type within one source system. Roles derived from a 1.1 user have no sourcedId and use the
 * partial key `role_derived_key` instead. Nothing is ever hard-deleted by an import
 * (`deleted_at`), and `date_last_modified` lets a delta skip rows older than what is stored.
 * Nested lists read through the `(<parent>_id, id)` indexes.
 */
export class CreateRoster1795434799224 implements MigrationInterface {
  name = 'CreateRoster1795434799224';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "academic_session" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "date_last_modified" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sourced_id" text NOT NULL, "title" text NOT NULL, "type" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "school_year" integer NOT NULL, "parent_id" bigint, CONSTRAINT "academic_session_status_check" CHECK ("status" in ('active', 'tobedeleted')), CONSTRAINT "PK_a28079d446dfbb8f52ff41398c2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "academic_session_parent_idx" ON "academic_session"  ("parent_id", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "academic_session_source_key" ON "academic_session"  ("system", "sourced_id")`);
    await queryRunner.query(`CREATE TABLE "org" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "date_last_modified" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sourced_id" text NOT NULL, "name" text NOT NULL, "type" text NOT NULL, "identifier" text, "parent_id" bigint, CONSTRAINT "org_status_check" CHECK ("status" in ('active', 'tobedeleted')), CONSTRAINT "PK_703783130f152a752cadf7aa751" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "org_parent_idx" ON "org"  ("parent_id", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "org_source_key" ON "org"  ("system", "sourced_id")`);
    await queryRunner.query(`CREATE TABLE "roster_user" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "date_last_modified" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sourced_id" text NOT NULL, "enabled_user" boolean NOT NULL DEFAULT true, "username" text NOT NULL, "given_name" text NOT NULL, "family_name" text NOT NULL, "middle_name" text, "preferred_given_name" text, "preferred_middle_name" text, "preferred_family_name" text, "identifier" text, "email" text, "sms" text, "phone" text, "grades" text array NOT NULL DEFAULT '{}', "user_master_identifier" text, "primary_org_id" bigint, "pronouns" text, CONSTRAINT "roster_user_status_check" CHECK ("status" in ('active', 'tobedeleted')), CONSTRAINT "PK_f94c326aa32119920beb109d6b0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "roster_user_primary_org_idx" ON "roster_user"  ("primary_org_id", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "roster_user_source_key" ON "roster_user"  ("system", "sourced_id")`);
    await queryRunner.query(`CREATE TABLE "agent" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" bigint NOT NULL, "agent_user_id" bigint NOT NULL, "relationship" text, CONSTRAINT "PK_1000e989398c5d4ed585cf9a46f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "agent_agent_user_idx" ON "agent"  ("agent_user_id", "user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "agent_key" ON "agent"  ("user_id", "agent_user_id")`);
    await queryRunner.query(`CREATE TABLE "course" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "date_last_modified" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sourced_id" text NOT NULL, "title" text NOT NULL, "school_year_id" bigint, "course_code" text, "grades" text array NOT NULL DEFAULT '{}', "org_id" bigint NOT NULL, "subjects" text array NOT NULL DEFAULT '{}', "subject_codes" text array NOT NULL DEFAULT '{}', CONSTRAINT "course_status_check" CHECK ("status" in ('active', 'tobedeleted')), CONSTRAINT "PK_bf95180dd756fd204fb01ce4916" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "course_school_year_idx" ON "course"  ("school_year_id", "id")`);
    await queryRunner.query(`CREATE INDEX "course_org_idx" ON "course"  ("org_id", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "course_source_key" ON "course"  ("system", "sourced_id")`);
    await queryRunner.query(`CREATE TABLE "class" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "date_last_modified" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sourced_id" text NOT NULL, "title" text NOT NULL, "grades" text array NOT NULL DEFAULT '{}', "course_id" bigint NOT NULL, "class_code" text, "class_type" text NOT NULL, "location" text, "school_id" bigint NOT NULL, "subjects" text array NOT NULL DEFAULT '{}', "subject_codes" text array NOT NULL DEFAULT '{}', "periods" text array NOT NULL DEFAULT '{}', CONSTRAINT "class_status_check" CHECK ("status" in ('active', 'tobedeleted')), CONSTRAINT "PK_0b9024d21bdfba8b1bd1c300eae" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "class_school_idx" ON "class"  ("school_id", "id")`);
    await queryRunner.query(`CREATE INDEX "class_course_idx" ON "class"  ("course_id", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "class_source_key" ON "class"  ("system", "sourced_id")`);
    await queryRunner.query(`CREATE TABLE "class_term" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "class_id" bigint NOT NULL, "session_id" bigint NOT NULL, CONSTRAINT "PK_1b1ebb1bc1a69213f50cc29a3c9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "class_term_session_idx" ON "class_term"  ("session_id", "class_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "class_term_key" ON "class_term"  ("class_id", "session_id")`);
    await queryRunner.query(`CREATE TABLE "demographics" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "date_last_modified" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sourced_id" text NOT NULL, "user_id" bigint NOT NULL, "birth_date" date, "sex" text, "american_indian_or_alaska_native" boolean, "asian" boolean, "black_or_african_american" boolean, "native_hawaiian_or_other_pacific_islander" boolean, "white" boolean, "demographic_race_two_or_more_races" boolean, "hispanic_or_latino_ethnicity" boolean, "country_of_birth_code" text, "state_of_birth_abbreviation" text, "city_of_birth" text, "public_school_residence_status" text, CONSTRAINT "demographics_status_check" CHECK ("status" in ('active', 'tobedeleted')), CONSTRAINT "PK_17bf4db5727bd0ad0462c67eda9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "demographics_user_key" ON "demographics"  ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "demographics_source_key" ON "demographics"  ("system", "sourced_id")`);
    await queryRunner.query(`CREATE TABLE "enrollment" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "date_last_modified" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sourced_id" text NOT NULL, "class_id" bigint NOT NULL, "school_id" bigint NOT NULL, "user_id" bigint NOT NULL, "role" text NOT NULL, "is_primary" boolean NOT NULL DEFAULT false, "begin_date" date, "end_date" date, CONSTRAINT "enrollment_status_check" CHECK ("status" in ('active', 'tobedeleted')), CONSTRAINT "PK_7e200c699fa93865cdcdd025885" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "enrollment_school_idx" ON "enrollment"  ("school_id", "id")`);
    await queryRunner.query(`CREATE INDEX "enrollment_user_idx" ON "enrollment"  ("user_id", "id")`);
    await queryRunner.query(`CREATE INDEX "enrollment_class_idx" ON "enrollment"  ("class_id", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "enrollment_source_key" ON "enrollment"  ("system", "sourced_id")`);
    await queryRunner.query(`CREATE TABLE "role" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "date_last_modified" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sourced_id" text, "user_id" bigint NOT NULL, "org_id" bigint NOT NULL, "role_type" text NOT NULL, "role" text NOT NULL, "begin_date" date, "end_date" date, "user_profile" text, CONSTRAINT "role_role_type_check" CHECK ("role_type" in ('primary', 'secondary')), CONSTRAINT "role_status_check" CHECK ("status" in ('active', 'tobedeleted')), CONSTRAINT "PK_b36bcfe02fc8de3c57a8b2391c2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "role_org_idx" ON "role"  ("org_id", "id")`);
    await queryRunner.query(`CREATE INDEX "role_user_idx" ON "role"  ("user_id", "id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "role_derived_key" ON "role"  ("system", "user_id", "org_id", "role") WHERE "sourced_id" IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "role_source_key" ON "role"  ("system", "sourced_id")`);
    await queryRunner.query(`CREATE TABLE "user_identifier" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "system" text NOT NULL, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" bigint NOT NULL, "kind" text NOT NULL, "namespace" text NOT NULL DEFAULT '', "value" text NOT NULL, "normalized" text NOT NULL, CONSTRAINT "user_identifier_kind_check" CHECK ("kind" in ('sourcedId', 'username', 'identifier', 'email', 'userId')), CONSTRAINT "PK_8d7248c61ebd4a7f6e1f6fe243b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "user_identifier_lookup_idx" ON "user_identifier"  ("kind", "normalized")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_identifier_key" ON "user_identifier"  ("user_id", "kind", "namespace", "value")`);
    await queryRunner.query(`ALTER TABLE "academic_session" ADD CONSTRAINT "FK_869bb9a662be553e5e198f9b322" FOREIGN KEY ("parent_id") REFERENCES "academic_session"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "org" ADD CONSTRAINT "FK_55846057c5d041c33067b2f729f" FOREIGN KEY ("parent_id") REFERENCES "org"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "roster_user" ADD CONSTRAINT "FK_67c5e602c6875223259a62fb8a3" FOREIGN KEY ("primary_org_id") REFERENCES "org"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agent" ADD CONSTRAINT "FK_031462988904ed291dd85171a86" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agent" ADD CONSTRAINT "FK_1640c9c11e6264534a9053f3a37" FOREIGN KEY ("agent_user_id") REFERENCES "roster_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course" ADD CONSTRAINT "FK_d6983eb8517c1bda3af488f847b" FOREIGN KEY ("school_year_id") REFERENCES "academic_session"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course" ADD CONSTRAINT "FK_c2f685fb05a86f2a3e602b6feaf" FOREIGN KEY ("org_id") REFERENCES "org"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class" ADD CONSTRAINT "FK_57476b73061271c061ae6dd16ea" FOREIGN KEY ("course_id") REFERENCES "course"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class" ADD CONSTRAINT "FK_e2b913aac642a625dc0d0d8d64f" FOREIGN KEY ("school_id") REFERENCES "org"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_term" ADD CONSTRAINT "FK_bdd63a0150d7d81cece843611c2" FOREIGN KEY ("class_id") REFERENCES "class"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_term" ADD CONSTRAINT "FK_6107eb134e24e1d26fdca249268" FOREIGN KEY ("session_id") REFERENCES "academic_session"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "demographics" ADD CONSTRAINT "FK_26a866c6fcae9ed25854923efe6" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "FK_25b7b9f2adce55b2f876dbf5eeb" FOREIGN KEY ("class_id") REFERENCES "class"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "FK_7594905fc70363ec500daaa7ef8" FOREIGN KEY ("school_id") REFERENCES "org"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollment" ADD CONSTRAINT "FK_fc17c7e94154a17e767b7674f12" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "role" ADD CONSTRAINT "FK_e3583d40265174efd29754a7c57" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "role" ADD CONSTRAINT "FK_1e101d094ff40fa4ed179ac014c" FOREIGN KEY ("org_id") REFERENCES "org"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_identifier" ADD CONSTRAINT "FK_7205ffcc360f68367d3c02e1a42" FOREIGN KEY ("user_id") REFERENCES "roster_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_identifier" DROP CONSTRAINT "FK_7205ffcc360f68367d3c02e1a42"`);
    await queryRunner.query(`ALTER TABLE "role" DROP CONSTRAINT "FK_1e101d094ff40fa4ed179ac014c"`);
    await queryRunner.query(`ALTER TABLE "role" DROP CONSTRAINT "FK_e3583d40265174efd29754a7c57"`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_fc17c7e94154a17e767b7674f12"`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_7594905fc70363ec500daaa7ef8"`);
    await queryRunner.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "FK_25b7b9f2adce55b2f876dbf5eeb"`);
    await queryRunner.query(`ALTER TABLE "demographics" DROP CONSTRAINT "FK_26a866c6fcae9ed25854923efe6"`);
    await queryRunner.query(`ALTER TABLE "class_term" DROP CONSTRAINT "FK_6107eb134e24e1d26fdca249268"`);
    await queryRunner.query(`ALTER TABLE "class_term" DROP CONSTRAINT "FK_bdd63a0150d7d81cece843611c2"`);
    await queryRunner.query(`ALTER TABLE "class" DROP CONSTRAINT "FK_e2b913aac642a625dc0d0d8d64f"`);
    await queryRunner.query(`ALTER TABLE "class" DROP CONSTRAINT "FK_57476b73061271c061ae6dd16ea"`);
    await queryRunner.query(`ALTER TABLE "course" DROP CONSTRAINT "FK_c2f685fb05a86f2a3e602b6feaf"`);
    await queryRunner.query(`ALTER TABLE "course" DROP CONSTRAINT "FK_d6983eb8517c1bda3af488f847b"`);
    await queryRunner.query(`ALTER TABLE "agent" DROP CONSTRAINT "FK_1640c9c11e6264534a9053f3a37"`);
    await queryRunner.query(`ALTER TABLE "agent" DROP CONSTRAINT "FK_031462988904ed291dd85171a86"`);
    await queryRunner.query(`ALTER TABLE "roster_user" DROP CONSTRAINT "FK_67c5e602c6875223259a62fb8a3"`);
    await queryRunner.query(`ALTER TABLE "org" DROP CONSTRAINT "FK_55846057c5d041c33067b2f729f"`);
    await queryRunner.query(`ALTER TABLE "academic_session" DROP CONSTRAINT "FK_869bb9a662be553e5e198f9b322"`);
    await queryRunner.query(`DROP INDEX "public"."user_identifier_key"`);
    await queryRunner.query(`DROP INDEX "public"."user_identifier_lookup_idx"`);
    await queryRunner.query(`DROP TABLE "user_identifier"`);
    await queryRunner.query(`DROP INDEX "public"."role_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."role_derived_key"`);
    await queryRunner.query(`DROP INDEX "public"."role_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."role_org_idx"`);
    await queryRunner.query(`DROP TABLE "role"`);
    await queryRunner.query(`DROP INDEX "public"."enrollment_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."enrollment_class_idx"`);
    await queryRunner.query(`DROP INDEX "public"."enrollment_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."enrollment_school_idx"`);
    await queryRunner.query(`DROP TABLE "enrollment"`);
    await queryRunner.query(`DROP INDEX "public"."demographics_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."demographics_user_key"`);
    await queryRunner.query(`DROP TABLE "demographics"`);
    await queryRunner.query(`DROP INDEX "public"."class_term_key"`);
    await queryRunner.query(`DROP INDEX "public"."class_term_session_idx"`);
    await queryRunner.query(`DROP TABLE "class_term"`);
    await queryRunner.query(`DROP INDEX "public"."class_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."class_course_idx"`);
    await queryRunner.query(`DROP INDEX "public"."class_school_idx"`);
    await queryRunner.query(`DROP TABLE "class"`);
    await queryRunner.query(`DROP INDEX "public"."course_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."course_org_idx"`);
    await queryRunner.query(`DROP INDEX "public"."course_school_year_idx"`);
    await queryRunner.query(`DROP TABLE "course"`);
    await queryRunner.query(`DROP INDEX "public"."agent_key"`);
    await queryRunner.query(`DROP INDEX "public"."agent_agent_user_idx"`);
    await queryRunner.query(`DROP TABLE "agent"`);
    await queryRunner.query(`DROP INDEX "public"."roster_user_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."roster_user_primary_org_idx"`);
    await queryRunner.query(`DROP TABLE "roster_user"`);
    await queryRunner.query(`DROP INDEX "public"."org_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."org_parent_idx"`);
    await queryRunner.query(`DROP TABLE "org"`);
    await queryRunner.query(`DROP INDEX "public"."academic_session_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."academic_session_parent_idx"`);
    await queryRunner.query(`DROP TABLE "academic_session"`);
  }
}
