import express, { type Request, type Response, type Router } from 'express';
import type { LrsPrincipal } from '../credentials/lrs-credential.service';
import { MORE_LIFETIME_MS, decodeMore, encodeMore } from '../statements/more-cursor';
import { checkKnownParameters, parseFilter, type StatementFilter } from '../statements/statement-filter';
import { formatStatement, parseFormat, type StatementFormat } from '../statements/statement-format';
import { queryStatements } from '../statements/statement-query';
import type { StatementStore } from '../statements/statement-store';
import { isUuid, type Json, validateStatement } from '../statements/statement-validation';
import { XapiError } from '../statements/xapi-error';
import type { DataSource } from 'typeorm';

const CONSISTENT_THROUGH = 'X-Experience-API-Consistent-Through';

function queryOf(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) {
    if (typeof v !== 'string') throw new XapiError(400, `parameter ${k} is given more than once`);
    out[k] = v;
  }
  return out;
}

function parseBody(req: Request): unknown {
  const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'multipart/mixed') throw new XapiError(400, 'statements with attachments (multipart/mixed) are not supported yet');
  if (type !== 'application/json') throw new XapiError(400, 'statements must be sent as application/json');
  try {
    return JSON.parse(typeof req.body === 'string' ? req.body : '');
  } catch {
    throw new XapiError(400, 'the body is not valid JSON');
  }
}

/** Statements are stored synchronously, so everything stored before now can be read back. */
function setReadHeaders(res: Response, lastModified: Date): void {
  res.setHeader(CONSISTENT_THROUGH, new Date().toISOString());
  res.setHeader('Last-Modified', lastModified.toUTCString());
}

function sendStatements(req: Request, res: Response, body: unknown): void {
  if (req.query['attachments'] === 'true') {
    // We store no attachments yet, so the multipart answer holds the JSON part alone.
    const boundary = `xapi-${Date.now().toString(36)}`;
    res.setHeader('Content-Type', `multipart/mixed; boundary=${boundary}`);
    res.send(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body)}\r\n--${boundary}--\r\n`);
    return;
  }
  res.json(body);
}

export function statementsRouter(db: DataSource, store: StatementStore): Router {
  const router = express.Router();
  const text = express.text({ type: () => true, limit: '10mb' });

  router.put('/statements', text, async (req, res) => {
    const query = queryOf(req);
    const id = query['statementId'];
    if (!isUuid(id)) throw new XapiError(400, 'PUT needs a statementId parameter holding a UUID');
    const statement = validateStatement(parseBody(req));
    if (statement['id'] !== undefined && String(statement['id']).toLowerCase() !== id.toLowerCase()) {
      throw new XapiError(400, 'the statement id differs from the statementId parameter');
    }
    await store.store([{ ...statement, id: id.toLowerCase() }], res.locals['lrsPrincipal'] as LrsPrincipal, res.locals['xapiVersion'] as string);
    res.status(204).end();
  });

  router.post('/statements', text, async (req, res) => {
    const body = parseBody(req);
    const list = Array.isArray(body) ? body : [body];
    const statements = list.map((s, i) => validateStatement(s, Array.isArray(body) ? `statement[${i}]` : 'statement'));
    const ids = await store.store(statements, res.locals['lrsPrincipal'] as LrsPrincipal, res.locals['xapiVersion'] as string);
    res.status(200).json(ids);
  });

  router.get('/statements', async (req, res) => {
    const query = queryOf(req);
    checkKnownParameters(query);
    const single = query['statementId'] ?? query['voidedStatementId'];
    if (single !== undefined) {
      const others = Object.keys(query).filter((k) => !['statementId', 'voidedStatementId', 'format', 'attachments'].includes(k));
      if (others.length > 0 || (query['statementId'] && query['voidedStatementId'])) {
        throw new XapiError(400, 'statementId and voidedStatementId may only be combined with format and attachments');
      }
      if (!isUuid(single)) throw new XapiError(400, 'the statement id must be a UUID');
      const row = await store.byId(single, query['voidedStatementId'] !== undefined);
      if (!row) throw new XapiError(404, `no statement ${single}`);
      setReadHeaders(res, row.stored);
      sendStatements(req, res, formatStatement(row.statement, parseFormat(query['format'])));
      return;
    }
    let filter: StatementFilter;
    let format: StatementFormat;
    let after: readonly [string, string] | undefined;
    if (query['more'] !== undefined) {
      const cursor = decodeMore(query['more']);
      ({ filter, after } = cursor);
      format = parseFormat(cursor.format);
    } else {
      filter = parseFilter(query);
      format = parseFormat(query['format']);
    }
    const page = await queryStatements(db, filter, after);
    const last = page.statements.at(-1);
    const more = page.hasMore && last
      ? `${req.baseUrl}/statements?more=${encodeMore({ filter, format, after: [last.stored.toISOString(), last.pk], expires: Date.now() + MORE_LIFETIME_MS })}`
      : '';
    const newest = page.statements.reduce<Date | undefined>((m, s) => (m && m > s.stored ? m : s.stored), undefined);
    setReadHeaders(res, newest ?? new Date());
    const statements: Json[] = page.statements.map((s) => formatStatement(s.statement, format));
    sendStatements(req, res, { statements, more });
  });

  return router;
}
