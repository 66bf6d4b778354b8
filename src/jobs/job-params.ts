import type { z } from 'zod';
import { DomainError } from '../shared/domain-error';

/**
 * A job's params as its kind's schema reads them. Checked again when a worker picks the job
 * up: the row may have been queued by an older version, or written by hand.
 */
export function parseJobParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new DomainError('BAD_USER_INPUT', `invalid job parameters: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data;
}
