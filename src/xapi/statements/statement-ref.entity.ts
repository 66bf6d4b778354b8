import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A statement that targets another through a StatementRef object (voiding among them). */
@Entity({ name: 'xapi_statement_ref' })
export class XapiStatementRefEntity {
  @PrimaryColumn({ type: 'bigint', name: 'statement_pk' })
  statementPk!: string;

  @Index('xapi_statement_ref_target_idx')
  @Column({ type: 'uuid', name: 'target_statement_id' })
  targetStatementId!: string;
}
