import type { RequestHandler } from 'express';
import { type KeyRateLimiter, subjectOf } from './key-rate-limiter';

/**
 * Refuses a request over its key's budget with 429, `Retry-After` and a GraphQL-shaped body
 * (`extensions.code: RATE_LIMITED`), so GraphQL clients and plain HTTP clients both understand.
 */
export function httpRateLimit(limiter: KeyRateLimiter): RequestHandler {
  return (req, res, next) => {
    limiter
      .take(subjectOf(req.headers.authorization, req.socket.remoteAddress))
      .then((decision) => {
        if (decision.allowed) return next();
        res
          .status(429)
          .set('Retry-After', String(decision.retryAfterSeconds))
          .json({
            errors: [
              {
                message: `Too many requests for this key; retry in ${decision.retryAfterSeconds} s`,
                extensions: { code: 'RATE_LIMITED', retryAfterSeconds: decision.retryAfterSeconds },
              },
            ],
          });
      })
      .catch(next);
  };
}
