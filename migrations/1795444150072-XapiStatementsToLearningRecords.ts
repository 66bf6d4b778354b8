import type { MigrationInterface, QueryRunner } from 'typeorm';

export class XapiStatementsToLearningRecords1795444150072 implements MigrationInterface {
  name = 'XapiStatementsToLearningRecords1795444150072';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "xapi_record_pending" ("statement_pk" bigint NOT NULL, CONSTRAINT "PK_a137bf22accfabb8e5078e1d126" PRIMARY KEY ("statement_pk"))`);
    // One trigger call per INSERT statement (a transition table, not a row trigger): the storing
    // transaction only lists the new statements and notifies; the record feed does the rest
    // after commit. Postgres folds equal notifications of one transaction into one.
    await queryRunner.query(`CREATE FUNCTION "xapi_record_pending_enqueue"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO xapi_record_pending (statement_pk) SELECT id FROM inserted ON CONFLICT DO NOTHING;
  PERFORM pg_notify('xapi_statements_stored', '{}');
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "xapi_record_pending_enqueue" AFTER INSERT ON "xapi_statement" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "xapi_record_pending_enqueue"()`,
    );
    // Statements stored before this migration become records too.
    await queryRunner.query(`INSERT INTO "xapi_record_pending" ("statement_pk") SELECT "id" FROM "xapi_statement"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "xapi_record_pending_enqueue" ON "xapi_statement"`);
    await queryRunner.query(`DROP FUNCTION "xapi_record_pending_enqueue"()`);
    await queryRunner.query(`DROP TABLE "xapi_record_pending"`);
  }
}
