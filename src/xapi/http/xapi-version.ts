import type { NextFunction, Request, Response } from 'express';
import type { LrsPrincipal } from '../credentials/lrs-credential.service';

export const VERSION_HEADER = 'X-Experience-API-Version';

/** The version we answer with for a requested one, or undefined when we do not speak it. */
export function negotiateVersion(requested: string | undefined): '1.0.3' | '2.0.0' | undefined {
  if (requested === undefined) return undefined;
  if (/^1\.0(\.\d+)?$/.test(requested)) return '1.0.3';
  if (/^2\.0(\.\d+)?$/.test(requested)) return '2.0.0';
  return undefined;
}

/** Every answer names a version, 401s included: the one asked for, else the newest. */
export function announceVersion(req: Request, res: Response, next: NextFunction): void {
  res.setHeader(VERSION_HEADER, negotiateVersion(req.header(VERSION_HEADER)) ?? '2.0.0');
  next();
}

/**
 * Every xAPI request must name a version we support (Comm. §3.3). The 400 for a request that
 * names none carries the version its credential is set up for, as a 1.0.3 client expects 1.0.3.
 */
export function requireVersion(req: Request, res: Response, next: NextFunction): void {
  const requested = req.header(VERSION_HEADER);
  const version = negotiateVersion(requested);
  const principal = res.locals['lrsPrincipal'] as LrsPrincipal | undefined;
  res.setHeader(VERSION_HEADER, version ?? principal?.xapiVersion ?? '2.0.0');
  if (!version) {
    res.status(400).json({ error: requested === undefined ? `the ${VERSION_HEADER} header is required` : `xAPI version ${requested} is not supported (1.0.x, 2.0.x)` });
    return;
  }
  res.locals['xapiVersion'] = version;
  next();
}
