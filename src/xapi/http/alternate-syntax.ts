import express, { type NextFunction, type Request, type Response } from 'express';
import { XapiError } from '../statements/xapi-error';
import { VERSION_HEADER, negotiateVersion } from './xapi-version';

/**
 * The Alternate Request Syntax of xAPI 1.0.x (Comm. 1.0.3 §1.3): a client that cannot send
 * arbitrary methods or headers POSTs a form to `?method=PUT|GET|...`; the form carries the
 * headers, the `content` body and the query parameters. We rewrite such a request into the
 * one it stands for before authentication and routing see it. xAPI 2.0 removed the syntax,
 * so a 2.0 request using it is answered 400.
 */
const FORM_HEADERS = new Set(['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match']);
const METHODS = new Set(['GET', 'HEAD', 'PUT', 'POST', 'DELETE']);
const form = express.urlencoded({ extended: false, type: () => true, limit: '16mb' });

export function alternateRequestSyntax(req: Request, res: Response, next: NextFunction): void {
  const method = req.query['method'];
  if (req.method !== 'POST' || method === undefined) {
    next();
    return;
  }
  if (typeof method !== 'string' || !METHODS.has(method.toUpperCase())) return next(new XapiError(400, 'method must be GET, HEAD, PUT, POST or DELETE'));
  if (Object.keys(req.query).length > 1) return next(new XapiError(400, 'the alternate request syntax takes no query parameters besides method; send them in the form'));
  if ((req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded') {
    return next(new XapiError(400, 'the alternate request syntax needs an application/x-www-form-urlencoded body'));
  }
  form(req, res, (error?: unknown) => {
    if (error) return next(error);
    const fields = (req.body ?? {}) as Record<string, unknown>;
    const version = typeof fields[VERSION_HEADER] === 'string' ? (fields[VERSION_HEADER] as string) : req.header(VERSION_HEADER);
    if (negotiateVersion(version) === '2.0.0') return next(new XapiError(400, 'xAPI 2.0 removed the alternate request syntax'));
    // The content's type is a form field too; clients that leave it out send JSON.
    req.headers['content-type'] = 'application/json';
    const params = new URLSearchParams();
    let content: string | undefined;
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value !== 'string') return next(new XapiError(400, `form field ${name} is given more than once`));
      if (FORM_HEADERS.has(name.toLowerCase())) req.headers[name.toLowerCase()] = value;
      else if (name === 'content') content = value;
      else params.append(name, value);
    }
    req.method = method.toUpperCase();
    const query = params.toString();
    req.url = `${req.path}${query ? `?${query}` : ''}`;
    req.body = Buffer.from(content ?? '', 'utf8');
    req.headers['content-length'] = String((req.body as Buffer).length);
    next();
  });
}
