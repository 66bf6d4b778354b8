import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { normaliseOffset } from '../validation/primitives';
import type { AttachmentData } from './statement-attachments';
import { sameStatement } from './statement-equivalence';
import { linksOf } from './statement-links';
import { normaliseStatement } from './statement-normalise';
import { XapiStatementEntity } from './statement.entity';
import { type Json, VOIDED_VERB } from './statement-validation';
import { XapiError } from './xapi-error';

/** Who stores statements: becomes the statement's authority. */
export interface StatementAuthor {
  readonly credentialId: string;
  readonly keyId: string;
}

/** The homePage of the authority accounts the LRS assigns to its credentials. */
export const AUTHORITY_HOME_PAGE = 'urn:learngraph:lrs';

/**
 * A write transaction names itself so (SET LOCAL, so only while it is open): readers find the
 * oldest open one in pg_stat_activity, on any instance, to say up to when stored statements
 * are readable (X-Experience-API-Consistent-Through).
 */
const WRITING = 'learngraph-xapi-write';

interface NewRow {
  readonly id: string;
  readonly statement: Json;
  readonly timestamp: string;
  readonly verbIri: string;
  readonly registration: string | null;
  readonly isVoiding: boolean;
}

export class StatementStore {
  constructor(private readonly db: DataSource) {}

  /**
   * Up to when every stored statement is readable: the start of the oldest write transaction
   * still open (its statements get `stored` times after it), or now when none is.
   */
  async consistentThrough(): Promise<Date> {
    const [row] = (await this.db.query(
      `select coalesce(min(xact_start), clock_timestamp()) as through from pg_stat_activity where application_name = $1 and xact_start is not null`,
      [WRITING],
    )) as [{ through: Date }];
    return row.through;
  }

  /**
   * Stores validated statements (and their attachment data) in one transaction and returns
   * their ids in order. A known id with the same content changes nothing (idempotent re-send);
   * with other content it is a 409 and nothing of the batch is stored. A batch costs a fixed
   * number of round trips whatever its size (lock, read the known ids, one insert).
   */
  async store(statements: readonly Json[], author: StatementAuthor, version: string, attachments: ReadonlyMap<string, AttachmentData> = new Map()): Promise<string[]> {
    const ids = statements.map((s) => (typeof s['id'] === 'string' ? s['id'].toLowerCase() : randomUUID()));
    if (new Set(ids).size !== ids.length) throw new XapiError(400, 'the batch holds the same statement id more than once');
    return this.db.transaction(async (em) => {
      // Serialise writers of the same ids (in a fixed order, so two batches cannot deadlock)
      // so two concurrent first sends of one id cannot both insert.
      await em.query(`set local application_name = '${WRITING}'`);
      // The database's clock, read after the transaction began: `stored` is never earlier than
      // the transaction's start, which readers take as the bound of what may still be unreadable.
      const [{ now }] = (await em.query(
        `select max(clock_timestamp()) as now from (select pg_advisory_xact_lock(hashtextextended(x, 0)) from unnest($1::text[]) as x order by x) locked`,
        [ids],
      )) as [{ now: Date }];
      const existing = new Map(
        ((await em.query('select statement_id::text as id, statement from xapi_statement where statement_id = any($1::uuid[])', [ids])) as { id: string; statement: Json }[]).map((r) => [r.id, r.statement]),
      );
      const stored = now;
      const rows: NewRow[] = [];
      for (const [i, raw] of statements.entries()) {
        const id = ids[i] as string;
        const known = existing.get(id);
        if (known) {
          if (!sameStatement(known, raw)) throw new XapiError(409, `statement ${id} already exists with other content`);
          continue;
        }
        rows.push(this.rowOf(raw, id, stored, author, version));
      }
      if (rows.length > 0) await this.insert(em, rows, stored, author);
      if (attachments.size > 0) {
        const list = [...attachments.values()];
        await em.query(
          `insert into xapi_attachment (sha2, content_type, content) select * from unnest($1::text[], $2::text[], $3::bytea[]) on conflict (sha2) do nothing`,
          [list.map((a) => a.sha2), list.map((a) => a.contentType), list.map((a) => a.content)],
        );
      }
      return ids;
    });
  }

  private rowOf(raw: Json, id: string, stored: Date, author: StatementAuthor, version: string): NewRow {
    const statement: Json = {
      ...normaliseStatement(raw),
      id,
      timestamp: typeof raw['timestamp'] === 'string' ? raw['timestamp'] : stored.toISOString(),
      stored: stored.toISOString(),
      authority: { objectType: 'Agent', account: { homePage: AUTHORITY_HOME_PAGE, name: author.keyId } },
      version: typeof raw['version'] === 'string' ? raw['version'] : version,
    };
    const verbIri = String((statement['verb'] as Json)['id']);
    const context = statement['context'] as Json | undefined;
    return {
      id,
      statement,
      timestamp: new Date(normaliseOffset(String(statement['timestamp']))).toISOString(),
      verbIri,
      registration: typeof context?.['registration'] === 'string' ? context['registration'].toLowerCase() : null,
      isVoiding: verbIri === VOIDED_VERB,
    };
  }

  /**
   * One round trip for the statements and all their link rows: the statement insert returns
   * the new keys, and data-modifying CTEs join the link rows to them by statement id.
   */
  private async insert(em: EntityManager, rows: readonly NewRow[], stored: Date, author: StatementAuthor): Promise<void> {
    const agents: [string, string, string][] = [];
    const activities: [string, string, string][] = [];
    const refs: [string, string][] = [];
    for (const row of rows) {
      const links = linksOf(row.statement);
      for (const a of links.agents) agents.push([row.id, a.ifi, a.usage]);
      for (const a of links.activities) activities.push([row.id, a.iri, a.usage]);
      for (const target of links.refs) refs.push([row.id, target.toLowerCase()]);
    }
    const column = <T>(list: readonly T[][], i: number): T[] => list.map((r) => r[i] as T);
    await em.query(
      `with ins as (
         insert into xapi_statement (statement_id, statement, stored, timestamp, verb_iri, registration, voided, is_voiding, credential_id)
         select t.id, t.statement::jsonb, $3, t.timestamp, t.verb, t.registration, false, t.voiding, $4
         from unnest($1::uuid[], $2::text[], $5::timestamptz[], $6::text[], $7::uuid[], $8::boolean[]) as t(id, statement, timestamp, verb, registration, voiding)
         returning id, statement_id),
       agents as (
         insert into xapi_statement_agent (statement_pk, ifi, usage)
         select ins.id, x.ifi, x.usage from unnest($9::uuid[], $10::text[], $11::text[]) as x(sid, ifi, usage) join ins on ins.statement_id = x.sid),
       activities as (
         insert into xapi_statement_activity (statement_pk, activity_iri, usage)
         select ins.id, x.iri, x.usage from unnest($12::uuid[], $13::text[], $14::text[]) as x(sid, iri, usage) join ins on ins.statement_id = x.sid)
       insert into xapi_statement_ref (statement_pk, target_statement_id)
       select ins.id, x.target from unnest($15::uuid[], $16::uuid[]) as x(sid, target) join ins on ins.statement_id = x.sid`,
      [
        rows.map((r) => r.id),
        rows.map((r) => JSON.stringify(r.statement)),
        stored,
        author.credentialId,
        rows.map((r) => r.timestamp),
        rows.map((r) => r.verbIri),
        rows.map((r) => r.registration),
        rows.map((r) => r.isVoiding),
        column(agents, 0),
        column(agents, 1),
        column(agents, 2),
        column(activities, 0),
        column(activities, 1),
        column(activities, 2),
        column(refs, 0),
        column(refs, 1),
      ],
    );
    const voided = rows.filter((r) => r.isVoiding).map((r) => String((r.statement['object'] as Json)['id']).toLowerCase());
    // Voiding statements cannot be voided; an unknown target is accepted (Comm. §2.1.4) but voids nothing.
    // A separate statement, so it also sees targets inserted just now in the same batch.
    if (voided.length > 0) await em.query('update xapi_statement set voided = true where statement_id = any($1::uuid[]) and not is_voiding', [voided]);
  }

  /** One statement by id: voided ones only through `voided`, the others only without it. */
  async byId(statementId: string, voided: boolean): Promise<XapiStatementEntity | null> {
    return this.db.getRepository(XapiStatementEntity).findOneBy({ statementId: statementId.toLowerCase(), voided });
  }

  /** The stored attachment data with these hashes. */
  async attachments(sha2s: readonly string[]): Promise<AttachmentData[]> {
    if (sha2s.length === 0) return [];
    const rows = (await this.db.query('select sha2, content_type, content from xapi_attachment where sha2 = any($1::text[])', [sha2s])) as { sha2: string; content_type: string; content: Buffer }[];
    return rows.map((r) => ({ sha2: r.sha2, contentType: r.content_type, content: r.content }));
  }
}
