import type { UserIdentifierKind } from '../roster';
import { CreatedLinkKey, ExternalAccount, IdentifierCollision, PersonMatch } from './identity.types';
import type { CreatedLinkKey as CreatedKey, ExternalAccountRow } from './link-keys';
import type { MatchMethod, MatchStatus } from './match-status';
import type { PersonRow } from './person.row';

export function toExternalAccount(row: ExternalAccountRow): ExternalAccount {
  return Object.assign(new ExternalAccount(), { userLocalId: row.user_id, system: row.system, externalId: row.external_id, linkedAt: row.linked_at });
}

export function toCreatedLinkKey(created: CreatedKey): CreatedLinkKey {
  return Object.assign(new CreatedLinkKey(), { userLocalId: created.userId, key: created.key, expiresAt: created.expiresAt });
}

export function toPersonMatch(row: PersonRow): PersonMatch {
  return Object.assign(new PersonMatch(), {
    personLocalId: row.id,
    userLocalId: row.user_id,
    candidateLocalIds: row.candidate_user_ids,
    // The importer writes only enum values into these columns.
    status: row.status as MatchStatus,
    method: row.method as MatchMethod | null,
    system: row.system,
    values: row.values,
    accountId: row.account_id,
    matchedAt: row.matched_at,
  });
}

export function toIdentifierCollision(row: { kind: string; normalized: string; user_ids: string[] }): IdentifierCollision {
  return Object.assign(new IdentifierCollision(), { kind: row.kind as UserIdentifierKind, value: row.normalized, userLocalIds: row.user_ids });
}
