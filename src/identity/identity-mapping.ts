import { z } from 'zod';
import { DomainError } from '../shared/domain-error';

/**
 * The identifier kinds of `user_identifier` a source's field may be matched against. The
 * values are what that table stores; `email` and `username` compare lower-cased.
 */
export const IDENTIFIER_KINDS = ['sourcedId', 'username', 'identifier', 'email', 'userId'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** One of a source's fields and the identifier kinds its value may be. */
export interface IdentityRule {
  readonly field: string;
  readonly kinds: readonly IdentifierKind[];
}

/**
 * How a source's people are matched to users: which of its fields match which identifiers,
 * and which field (if any) is the person's account id in that system, the one a redeemed
 * link key ties to a user. Matching is exact (after the kind's normalisation), never fuzzy.
 */
export interface IdentityMapping {
  readonly rules: readonly IdentityRule[];
  readonly accountField: string | null;
}

const mappingSchema = z
  .object({
    rules: z
      .array(z.object({ field: z.string().min(1), kinds: z.array(z.enum(IDENTIFIER_KINDS)).min(1).max(IDENTIFIER_KINDS.length) }).strict())
      .min(1, 'at least one rule (field -> identifier kinds) is needed')
      .max(20),
    accountField: z.string().min(1).nullable().optional(),
  })
  .strict();

/**
 * Checks a mapping given as data (GraphQL input or a source's stored options) against the
 * fields the source has. Throws BAD_USER_INPUT naming what is wrong.
 */
export function parseIdentityMapping(raw: unknown, fields: readonly string[], where = 'identity'): IdentityMapping {
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('BAD_USER_INPUT', `${where}: ${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'}`, { field: where });
  }
  const { rules, accountField } = parsed.data;
  const known = new Set(fields);
  for (const name of [...rules.map((r) => r.field), ...(accountField ? [accountField] : [])]) {
    if (!known.has(name)) throw new DomainError('BAD_USER_INPUT', `${where}: "${name}" is not a field of this source (${fields.join(', ')})`, { field: where });
  }
  if (new Set(rules.map((r) => r.field)).size !== rules.length) {
    throw new DomainError('BAD_USER_INPUT', `${where}: each field may have one rule`, { field: where });
  }
  return { rules: rules.map((r) => ({ field: r.field, kinds: [...new Set(r.kinds)] })), accountField: accountField ?? null };
}
