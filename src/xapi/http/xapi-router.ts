import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../shared/logger';
import type { XapiServices } from '../index';
import { XapiError } from '../statements/xapi-error';
import { alternateRequestSyntax } from './alternate-syntax';
import { basicAuth } from './xapi-auth';
import { documentsRouter } from './documents-routes';
import { profilesRouter } from './profiles-routes';
import { statementsRouter } from './statements-routes';
import { VERSION_HEADER, announceVersion, requireVersion } from './xapi-version';

/** Mounts the LRS at /xapi (call from the HTTP server's `mount` hook, before /graphql). */
export function mountXapi(app: Express, deps: { db: DataSource; xapi: XapiServices; log: Logger }): void {
  const router = express.Router();
  // /about is public and needs no version header: clients call it to learn the versions.
  router.get('/about', (_req, res) => {
    res.setHeader(VERSION_HEADER, '2.0.0');
    res.json({ version: ['1.0.3', '2.0.0'] });
  });
  router.use(alternateRequestSyntax, announceVersion, basicAuth(deps.xapi.credentials), requireVersion);
  router.use(statementsRouter(deps.db, deps.xapi.statements));
  router.use(documentsRouter(deps.xapi.documents));
  router.use(profilesRouter(deps.db));
  router.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'no such xAPI resource (this LRS serves /about, /statements, /activities, /agents and the document resources)' });
  });
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof XapiError) {
      res.status(error.status).json({ error: error.message });
      return;
    }
    const status = (error as { status?: unknown }).status;
    if (status === 413 || status === 400) {
      res.status(status).json({ error: (error as Error).message });
      return;
    }
    deps.log.error({ err: error }, 'xAPI request failed');
    res.status(500).json({ error: 'internal error' });
  });
  app.use('/xapi', router);
}
