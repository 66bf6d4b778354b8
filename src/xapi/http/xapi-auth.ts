import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { LrsCredentialService, LrsPrincipal } from '../credentials/lrs-credential.service';
import { scopeAllows } from '../credentials/lrs-scope';

/** Basic auth with LRS credentials; the principal lands in `res.locals.lrsPrincipal`. */
export function basicAuth(credentials: LrsCredentialService): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const match = /^Basic\s+(\S+)$/i.exec(req.header('authorization') ?? '');
      const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
      const colon = decoded.indexOf(':');
      const principal = colon > 0 ? await credentials.authenticate(decoded.slice(0, colon), decoded.slice(colon + 1)) : undefined;
      if (!principal) {
        res.setHeader('WWW-Authenticate', 'Basic realm="xAPI"');
        res.status(401).json({ error: 'basic auth with an LRS credential is required' });
        return;
      }
      if (!scopeAllows(principal.scope, req.method)) {
        res.status(403).json({ error: `this credential's scope (${principal.scope}) does not allow ${req.method}` });
        return;
      }
      res.locals['lrsPrincipal'] = principal satisfies LrsPrincipal;
      next();
    } catch (error) {
      next(error);
    }
  };
}
