import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { XapiStatementActivityEntity } from './statement-activity.entity';
import { XapiStatementAgentEntity } from './statement-agent.entity';
import { sameStatement } from './statement-equivalence';
import { linksOf } from './statement-links';
import { XapiStatementEntity } from './statement.entity';
import { XapiStatementRefEntity } from './statement-ref.entity';
import { type Json, VOIDED_VERB } from './statement-validation';
import { XapiError } from './xapi-error';

/** Who stores statements: becomes the statement's authority. */
export interface StatementAuthor {
  readonly credentialId: string;
  readonly keyId: string;
}

/** The homePage of the authority accounts the LRS assigns to its credentials. */
export const AUTHORITY_HOME_PAGE = 'urn:learngraph:lrs';

export class StatementStore {
  constructor(private readonly db: DataSource) {}

  /**
   * Stores validated statements in one transaction and returns their ids in order. A known id
   * with the same content changes nothing (idempotent re-send); with other content it is a 409.
   */
  async store(statements: readonly Json[], author: StatementAuthor, version: string): Promise<string[]> {
    const ids = statements.map((s) => (typeof s['id'] === 'string' ? s['id'].toLowerCase() : randomUUID()));
    if (new Set(ids).size !== ids.length) throw new XapiError(400, 'the batch holds the same statement id more than once');
    return this.db.transaction(async (em) => {
      const stored = new Date();
      for (const [i, raw] of statements.entries()) await this.storeOne(em, raw, ids[i] as string, stored, author, version);
      return ids;
    });
  }

  private async storeOne(em: EntityManager, raw: Json, id: string, stored: Date, author: StatementAuthor, version: string): Promise<void> {
    // Serialise writers of one id so two concurrent first sends cannot both insert.
    await em.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [id]);
    const existing = await em.getRepository(XapiStatementEntity).findOneBy({ statementId: id });
    if (existing) {
      if (!sameStatement(existing.statement, raw)) throw new XapiError(409, `statement ${id} already exists with other content`);
      return;
    }
    const statement: Json = {
      ...raw,
      id,
      timestamp: typeof raw['timestamp'] === 'string' ? raw['timestamp'] : stored.toISOString(),
      stored: stored.toISOString(),
      authority: { objectType: 'Agent', account: { homePage: AUTHORITY_HOME_PAGE, name: author.keyId } },
      version: typeof raw['version'] === 'string' ? raw['version'] : version,
    };
    const verbIri = String((statement['verb'] as Json)['id']);
    const context = statement['context'] as Json | undefined;
    const isVoiding = verbIri === VOIDED_VERB;
    const row = await em.getRepository(XapiStatementEntity).save(
      em.getRepository(XapiStatementEntity).create({
        statementId: id,
        statement,
        stored,
        timestamp: new Date(String(statement['timestamp'])),
        verbIri,
        registration: typeof context?.['registration'] === 'string' ? context['registration'].toLowerCase() : null,
        voided: false,
        isVoiding,
        credentialId: author.credentialId,
      }),
    );
    const links = linksOf(statement);
    if (links.agents.length > 0) await em.insert(XapiStatementAgentEntity, links.agents.map((a) => ({ statementPk: row.id, ifi: a.ifi, usage: a.usage })));
    if (links.activities.length > 0) await em.insert(XapiStatementActivityEntity, links.activities.map((a) => ({ statementPk: row.id, activityIri: a.iri, usage: a.usage })));
    if (links.refs.length > 0) await em.insert(XapiStatementRefEntity, links.refs.map((target) => ({ statementPk: row.id, targetStatementId: target.toLowerCase() })));
    if (isVoiding) {
      // Voiding statements cannot be voided; an unknown target is accepted (Comm. §2.1.4) but voids nothing.
      const target = String((statement['object'] as Json)['id']).toLowerCase();
      await em.query('update xapi_statement set voided = true where statement_id = $1 and not is_voiding', [target]);
    }
  }

  /** One statement by id: voided ones only through `voided`, the others only without it. */
  async byId(statementId: string, voided: boolean): Promise<XapiStatementEntity | null> {
    return this.db.getRepository(XapiStatementEntity).findOneBy({ statementId: statementId.toLowerCase(), voided });
  }
}
