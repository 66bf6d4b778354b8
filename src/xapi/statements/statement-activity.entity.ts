import { Entity, Index, PrimaryColumn } from 'typeorm';

/** An activity a statement names: `object` rows answer `activity`, every row `related_activities`. */
@Entity({ name: 'xapi_statement_activity' })
@Index('xapi_statement_activity_iri_idx', ['activityIri', 'statementPk'])
export class XapiStatementActivityEntity {
  @PrimaryColumn({ type: 'bigint', name: 'statement_pk' })
  statementPk!: string;

  @PrimaryColumn({ type: 'text', name: 'activity_iri' })
  activityIri!: string;

  /** object, parent, grouping, category, other, sub (inside a SubStatement). */
  @PrimaryColumn({ type: 'text' })
  usage!: string;
}
