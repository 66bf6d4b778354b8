import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { XapiError } from '../statements/xapi-error';
import type { DocumentScope } from './document-scope';
import { XapiDocumentEntity } from './document.entity';

/** The preconditions a write carries (If-Match / If-None-Match), and whether it must carry one. */
export interface WritePreconditions {
  readonly ifMatch?: string;
  readonly ifNoneMatch?: string;
  /** Profiles: a PUT over an existing document without either header is a 409 (Comm. §3.1). */
  readonly requireForOverwrite: boolean;
  /** 1.0.x profiles: a PUT without either header is a 400 even for a new document (Comm. 1.0.3 §2.6, §2.7). */
  readonly requireAlways?: boolean;
}

const etagOf = (content: Buffer): string => `"${createHash('sha1').update(content).digest('hex')}"`;

function checkPreconditions(existing: XapiDocumentEntity | null, pre: WritePreconditions): void {
  if (pre.ifMatch !== undefined) {
    const tags = pre.ifMatch.split(',').map((t) => t.trim());
    if (!existing || !(tags.includes('*') || tags.includes(existing.etag))) throw new XapiError(412, 'If-Match does not match the current document');
  }
  if (pre.ifNoneMatch !== undefined && existing) {
    const tags = pre.ifNoneMatch.split(',').map((t) => t.trim());
    if (tags.includes('*') || tags.includes(existing.etag)) throw new XapiError(412, 'If-None-Match: the document exists');
  }
  if (pre.requireAlways && !existing && pre.ifMatch === undefined && pre.ifNoneMatch === undefined) {
    throw new XapiError(400, 'a profile PUT must send If-Match or If-None-Match');
  }
  if (pre.requireForOverwrite && existing && pre.ifMatch === undefined && pre.ifNoneMatch === undefined) {
    throw new XapiError(409, 'the document exists: send If-Match (or If-None-Match) to say what you expect');
  }
}

export class DocumentStore {
  constructor(private readonly db: DataSource) {}

  async get(scope: DocumentScope, documentId: string): Promise<XapiDocumentEntity | null> {
    return this.db.getRepository(XapiDocumentEntity).findOneBy({ ...scope, documentId });
  }

  async ids(scope: DocumentScope, since?: Date): Promise<string[]> {
    const rows = (await this.db.query(
      `select document_id from xapi_document where kind = $1 and activity_id = $2 and agent_ifi = $3 and registration = $4
       and ($5::timestamptz is null or updated > $5) order by document_id`,
      [scope.kind, scope.activityId, scope.agentIfi, scope.registration, since ?? null],
    )) as { document_id: string }[];
    return rows.map((r) => r.document_id);
  }

  /** PUT replaces; POST (`merge`) merges JSON objects key by key (Comm. §2.2.4). */
  async write(scope: DocumentScope, documentId: string, content: Buffer, contentType: string, pre: WritePreconditions, merge: boolean): Promise<void> {
    await this.db.transaction(async (em) => {
      await em.query('select pg_advisory_xact_lock(hashtextextended($1, 1))', [JSON.stringify([scope, documentId])]);
      const repo = em.getRepository(XapiDocumentEntity);
      const existing = await repo.findOneBy({ ...scope, documentId });
      checkPreconditions(existing, merge ? { ...pre, requireForOverwrite: false, requireAlways: false } : pre);
      let body = content;
      let type = contentType;
      if (merge && existing) {
        const old = jsonObject(existing.content, existing.contentType);
        const added = jsonObject(content, contentType);
        if (!old || !added) throw new XapiError(400, 'POST merges JSON objects only: both documents must be JSON objects');
        body = Buffer.from(JSON.stringify({ ...old, ...added }), 'utf8');
        type = 'application/json';
      } else if (merge && !jsonObject(content, contentType)) {
        throw new XapiError(400, 'POST takes a JSON object; use PUT for other content');
      }
      await repo.save(repo.create({ ...(existing ? { id: existing.id } : {}), ...scope, documentId, content: body, contentType: type, etag: etagOf(body), updated: new Date() }));
    });
  }

  async remove(scope: DocumentScope, documentId: string | undefined, pre: WritePreconditions): Promise<void> {
    if (documentId !== undefined) {
      checkPreconditions(await this.get(scope, documentId), { ...pre, requireForOverwrite: false, requireAlways: false });
      await this.db.getRepository(XapiDocumentEntity).delete({ ...scope, documentId });
      return;
    }
    await this.db.getRepository(XapiDocumentEntity).delete({ ...scope });
  }
}

function jsonObject(content: Buffer, contentType: string): Record<string, unknown> | undefined {
  if (!contentType.toLowerCase().startsWith('application/json')) return undefined;
  try {
    const v: unknown = JSON.parse(content.toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
