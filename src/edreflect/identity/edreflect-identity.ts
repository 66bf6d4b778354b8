import { z } from 'zod';
import { IDENTIFIER_KINDS, type IdentityMapping } from '../../identity';
import { DomainError } from '../../shared/domain-error';

/**
 * How EdReflect users (`users.csv`) are matched to roster users. The field definitions are not
 * public, so the rules name columns of `users.csv` by header; a rule whose column an export
 * lacks simply never matches (and the import warns once). The person's account id is always
 * the EdReflect user id: other values (an email) may change, the id does not.
 *
 * Defaults: `email` may be a roster email or username (many rosters use the address as
 * login), `employeeId` a roster identifier (staff number).
 */
/** The key under which a person's values carry the EdReflect user id (the row id of `users.csv`). */
export const EDREFLECT_ACCOUNT_FIELD = 'id';

export const DEFAULT_EDREFLECT_IDENTITY: IdentityMapping = {
  rules: [
    { field: 'email', kinds: ['email', 'username'] },
    { field: 'employeeId', kinds: ['identifier'] },
  ],
  accountField: EDREFLECT_ACCOUNT_FIELD,
};

/** The identity system of an EdReflect tenant's people: `edreflect:<system>`. */
export function personSystemOf(system: string): string {
  return `edreflect:${system}`;
}

const rulesSchema = z
  .object({
    rules: z
      .array(z.object({ field: z.string().trim().min(1).max(200), kinds: z.array(z.enum(IDENTIFIER_KINDS)).min(1).max(IDENTIFIER_KINDS.length) }).strict())
      .min(1, 'at least one rule (users.csv column -> identifier kinds) is needed')
      .max(20),
  })
  .strict();

/**
 * Reads `identity: { rules: [{ field, kinds }] }` of an EdReflect import or source; absent =
 * the defaults. Columns cannot be checked here (each export brings its own header).
 */
export function parseEdReflectIdentity(raw: unknown): IdentityMapping {
  if (raw === undefined || raw === null) return DEFAULT_EDREFLECT_IDENTITY;
  const parsed = rulesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('BAD_USER_INPUT', `EdReflect identity: ${issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : 'invalid'}`, { field: 'identity' });
  }
  const rules = parsed.data.rules;
  if (new Set(rules.map((r) => r.field)).size !== rules.length) {
    throw new DomainError('BAD_USER_INPUT', 'EdReflect identity: each users.csv column may have one rule', { field: 'identity' });
  }
  return { rules: rules.map((r) => ({ field: r.field, kinds: [...new Set(r.kinds)] })), accountField: EDREFLECT_ACCOUNT_FIELD };
}
