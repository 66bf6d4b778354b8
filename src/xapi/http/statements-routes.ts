import express, { type Request, type Response, type Router } from 'express';
import type { DataSource } from 'typeorm';
import type { LrsPrincipal } from '../credentials/lrs-credential.service';
import { MORE_LIFETIME_MS, decodeMore, encodeMore } from '../statements/more-cursor';
import { attachmentsOf, matchAttachments, parseStatementsBody } from '../statements/statement-attachments';
import { checkKnownParameters, parseFilter, type StatementFilter } from '../statements/statement-filter';
import { formatStatement, parseFormat, type StatementFormat } from '../statements/statement-format';
import { queryStatements } from '../statements/statement-query';
import { verifySignatures } from '../statements/statement-signature';
import type { StatementStore } from '../statements/statement-store';
import { isUuid, type Json, validateStatement } from '../statements/statement-validation';
import { XapiError } from '../statements/xapi-error';
import type { XapiVersion } from '../validation/context-rules';
import { writeMultipartMixed } from './multipart-mixed';

const CONSISTENT_THROUGH = 'X-Experience-API-Consistent-Through';
/** The largest statements request (statements plus attachment data) we read. */
const MAX_BODY = '64mb';

function queryOf(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) {
    if (typeof v !== 'string') throw new XapiError(400, `parameter ${k} is given more than once`);
    out[k] = v;
  }
  return out;
}

function attachmentsParam(v: string | undefined): boolean {
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  throw new XapiError(400, 'attachments must be true or false');
}

/**
 * The answer to a GET: JSON, or with `attachments=true` multipart/mixed holding the JSON and
 * the data of every attachment the statements name (Comm. §2.1.3).
 */
async function sendStatements(res: Response, store: StatementStore, body: unknown, statements: readonly Json[], withAttachments: boolean): Promise<void> {
  if (!withAttachments) {
    res.json(body);
    return;
  }
  const sha2s = [...new Set(statements.flatMap((s) => attachmentsOf(s).map((a) => String(a['sha2']).toLowerCase())))];
  const data = await store.attachments(sha2s);
  const { contentType, body: out } = writeMultipartMixed([
    { headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) },
    ...data.map((a) => ({ headers: { 'Content-Type': a.contentType, 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': a.sha2 }, body: a.content })),
  ]);
  res.setHeader('Content-Type', contentType);
  res.send(out);
}

export function statementsRouter(db: DataSource, store: StatementStore): Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: MAX_BODY });

  // Every statements answer, errors included, says up to when stored statements are readable:
  // for a read, the start of the oldest write still open (a statement it stores is not visible
  // yet, though its `stored` time is past), read before the statements are.
  router.use('/statements', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader(CONSISTENT_THROUGH, new Date().toISOString());
      next();
      return;
    }
    store.consistentThrough().then((through) => {
      res.setHeader(CONSISTENT_THROUGH, through.toISOString());
      next();
    }, next);
  });

  /** Parses, validates and stores a PUT or POST body; returns the ids in order. */
  async function write(req: Request, res: Response, putId?: string): Promise<string[]> {
    const version = res.locals['xapiVersion'] as XapiVersion;
    const { json, attachments } = parseStatementsBody(req.header('content-type'), Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    if (putId !== undefined && Array.isArray(json)) throw new XapiError(400, 'PUT takes one statement, not an array');
    const list = Array.isArray(json) ? json : [json];
    let statements = list.map((s, i) => validateStatement(s, Array.isArray(json) ? `statement[${i}]` : 'statement', version));
    if (putId !== undefined) {
      // PUT names its statement in the URL: an id in the body must agree with it.
      const [statement] = statements as [Json];
      if (statement['id'] !== undefined && String(statement['id']).toLowerCase() !== putId.toLowerCase()) {
        throw new XapiError(400, 'the statement id differs from the statementId parameter');
      }
      statements = [{ ...statement, id: putId.toLowerCase() }];
    }
    matchAttachments(statements, attachments);
    await verifySignatures(statements, attachments);
    return store.store(statements, res.locals['lrsPrincipal'] as LrsPrincipal, version, attachments);
  }

  router.put('/statements', raw, async (req, res) => {
    const id = queryOf(req)['statementId'];
    if (!isUuid(id)) throw new XapiError(400, 'PUT needs a statementId parameter holding a UUID');
    await write(req, res, id);
    res.status(204).end();
  });

  router.post('/statements', raw, async (req, res) => {
    const ids = await write(req, res);
    res.status(200).json(ids);
  });

  router.get('/statements', async (req, res) => {
    const query = queryOf(req);
    checkKnownParameters(query);
    const withAttachments = attachmentsParam(query['attachments']);
    const acceptLanguage = req.header('accept-language');
    const single = query['statementId'] ?? query['voidedStatementId'];
    if (single !== undefined) {
      const others = Object.keys(query).filter((k) => !['statementId', 'voidedStatementId', 'format', 'attachments'].includes(k));
      if (others.length > 0 || (query['statementId'] && query['voidedStatementId'])) {
        throw new XapiError(400, 'statementId and voidedStatementId may only be combined with format and attachments');
      }
      if (!isUuid(single)) throw new XapiError(400, 'the statement id must be a UUID');
      const row = await store.byId(single, query['voidedStatementId'] !== undefined);
      if (!row) throw new XapiError(404, `no statement ${single}`);
      res.setHeader('Last-Modified', row.stored.toUTCString());
      const statement = formatStatement(row.statement, parseFormat(query['format']), acceptLanguage);
      await sendStatements(res, store, statement, [row.statement], withAttachments);
      return;
    }
    let filter: StatementFilter;
    let format: StatementFormat;
    let after: readonly [string, string] | undefined;
    let cursorAttachments = withAttachments;
    if (query['more'] !== undefined) {
      const cursor = decodeMore(query['more']);
      ({ filter, after } = cursor);
      format = parseFormat(cursor.format);
      cursorAttachments = cursor.attachments === true;
    } else {
      filter = parseFilter(query);
      format = parseFormat(query['format']);
    }
    const page = await queryStatements(db, filter, after);
    const last = page.statements.at(-1);
    const more =
      page.hasMore && last
        ? `${req.baseUrl}/statements?more=${encodeMore({ filter, format, attachments: cursorAttachments, after: [last.stored.toISOString(), last.pk], expires: Date.now() + MORE_LIFETIME_MS })}`
        : '';
    const newest = page.statements.reduce<Date | undefined>((m, s) => (m && m > s.stored ? m : s.stored), undefined);
    res.setHeader('Last-Modified', (newest ?? new Date()).toUTCString());
    if (format === 'exact' && !cursorAttachments) {
      // The common case (and every pull): the stored JSON goes out as it is, never parsed.
      res.type('application/json').send(`{"statements":[${page.statements.map((s) => s.json).join(',')}],"more":${JSON.stringify(more)}}`);
      return;
    }
    const stored = page.statements.map((s) => JSON.parse(s.json) as Json);
    const statements: Json[] = stored.map((s) => formatStatement(s, format, acceptLanguage));
    await sendStatements(res, store, { statements, more }, stored, cursorAttachments);
  });

  return router;
}
