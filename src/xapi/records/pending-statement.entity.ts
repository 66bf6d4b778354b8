import { Entity, PrimaryColumn } from 'typeorm';

/**
 * Stored statements not yet turned into learning records. A trigger on `xapi_statement`
 * fills it in the storing transaction (see the migration), the record feed empties it.
 */
@Entity({ name: 'xapi_record_pending' })
export class XapiRecordPendingEntity {
  @PrimaryColumn({ type: 'bigint', name: 'statement_pk' })
  statementPk!: string;
}
