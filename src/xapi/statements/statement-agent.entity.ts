import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An agent a statement names, by inverse functional identifier (`mbox:…`, `mbox_sha1sum:…`,
 * `openid:…`, `account:homePage|name`). `direct` rows (actor, object) answer the `agent`
 * filter; every row answers `related_agents`.
 */
@Entity({ name: 'xapi_statement_agent' })
@Index('xapi_statement_agent_ifi_idx', ['ifi', 'statementPk'])
export class XapiStatementAgentEntity {
  @PrimaryColumn({ type: 'bigint', name: 'statement_pk' })
  statementPk!: string;

  @PrimaryColumn({ type: 'text' })
  ifi!: string;

  /** Where the agent appears: actor, object, authority, instructor, team, context, sub (inside a SubStatement). */
  @PrimaryColumn({ type: 'text' })
  usage!: string;
}
