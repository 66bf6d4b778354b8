import express, { type Request, type Response, type Router } from 'express';
import type { DocumentStore, WritePreconditions } from '../documents/document-store';
import { type DocumentKind, scopeOf } from '../documents/document-scope';
import { XapiError } from '../statements/xapi-error';

const PATHS: readonly [string, DocumentKind][] = [
  ['/activities/state', 'state'],
  ['/activities/profile', 'activity_profile'],
  ['/agents/profile', 'agent_profile'],
];

function queryOf(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) {
    if (typeof v !== 'string') throw new XapiError(400, `parameter ${k} is given more than once`);
    out[k] = v;
  }
  return out;
}

function preconditions(req: Request, res: Response, kind: DocumentKind): WritePreconditions {
  const ifMatch = req.header('if-match');
  const ifNoneMatch = req.header('if-none-match');
  return {
    ...(ifMatch ? { ifMatch } : {}),
    ...(ifNoneMatch ? { ifNoneMatch } : {}),
    // 2.0 extends the profile resources' concurrency rule to state documents (Comm. §2.2.3).
    requireForOverwrite: kind !== 'state' || res.locals['xapiVersion'] === '2.0.0',
    requireAlways: kind !== 'state' && res.locals['xapiVersion'] === '1.0.3',
  };
}

/** State, activity profile and agent profile documents, with ETag concurrency. */
export function documentsRouter(documents: DocumentStore): Router {
  const router = express.Router();
  const raw = express.raw({ type: () => true, limit: '10mb' });

  for (const [path, kind] of PATHS) {
    router.get(path, async (req: Request, res: Response) => {
      const query = queryOf(req);
      const { scope, idParam } = scopeOf(kind, query);
      const documentId = query[idParam];
      if (documentId === undefined) {
        const since = query['since'] === undefined ? undefined : new Date(query['since']);
        if (since && Number.isNaN(since.getTime())) throw new XapiError(400, 'since must be an ISO 8601 timestamp');
        res.json(await documents.ids(scope, since));
        return;
      }
      const doc = await documents.get(scope, documentId);
      if (!doc) throw new XapiError(404, `no document ${documentId}`);
      res.setHeader('ETag', doc.etag);
      res.setHeader('Last-Modified', doc.updated.toUTCString());
      res.setHeader('Content-Type', doc.contentType);
      res.send(doc.content);
    });

    for (const method of ['put', 'post'] as const) {
      router[method](path, raw, async (req: Request, res: Response) => {
        const query = queryOf(req);
        const { scope, idParam } = scopeOf(kind, query);
        const documentId = query[idParam];
        if (documentId === undefined) throw new XapiError(400, `${idParam} is required`);
        const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const contentType = req.header('content-type') ?? 'application/octet-stream';
        await documents.write(scope, documentId, content, contentType, preconditions(req, res, kind), method === 'post');
        res.status(204).end();
      });
    }

    router.delete(path, async (req: Request, res: Response) => {
      const query = queryOf(req);
      const { scope, idParam } = scopeOf(kind, query);
      const documentId = query[idParam];
      // Only the state resource deletes many documents at once.
      if (documentId === undefined && kind !== 'state') throw new XapiError(400, `${idParam} is required`);
      await documents.remove(scope, documentId, preconditions(req, res, kind));
      res.status(204).end();
    });
  }
  return router;
}
