import { toGlobalId } from '../../graphql/relay/global-id';
import type { UserIdentifierKind } from './user-identifier-kind';
import { UserIdentifier } from './user-identifier.type';

export interface UserIdentifierRow {
  readonly id: string;
  readonly system: string;
  readonly user_id: string;
  readonly kind: string;
  readonly namespace: string;
  readonly value: string;
  readonly deleted_at: Date | null;
}

/** The columns of `user_identifier ui` that `toUserIdentifier` reads. */
export const USER_IDENTIFIER_COLUMNS = 'ui.id, ui.system, ui.user_id, ui.kind, ui.namespace, ui.value, ui.deleted_at';

export function toUserIdentifier(row: UserIdentifierRow): UserIdentifier {
  return Object.assign(new UserIdentifier(), {
    id: toGlobalId('UserIdentifier', row.id),
    localId: row.id,
    userLocalId: row.user_id,
    system: row.system,
    // The check constraint on `kind` keeps it within the enum.
    kind: row.kind as UserIdentifierKind,
    namespace: row.namespace === '' ? null : row.namespace,
    value: row.value,
    deletedAt: row.deleted_at,
  });
}
