import DataLoader from 'dataloader';
import type { Queryable } from '../graphql/relay/keyset';
import { ACCOUNT_COLUMNS, type ExternalAccountRow } from './link-keys';
import { PERSON_COLUMNS, type PersonRow } from './person.row';

/** Per-request batching for identity: persons by id, linked accounts by user. */
export interface IdentityLoaders {
  readonly person: DataLoader<string, PersonRow | null>;
  readonly userAccounts: DataLoader<string, ExternalAccountRow[]>;
}

export function createIdentityLoaders(db: Queryable): IdentityLoaders {
  return {
    person: new DataLoader(async (ids) => {
      const rows = (await db.query(`select ${PERSON_COLUMNS} from external_person p where p.id = any($1::bigint[])`, [ids])) as PersonRow[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    userAccounts: new DataLoader(async (userIds) => {
      const rows = (await db.query(`select ${ACCOUNT_COLUMNS} from external_account a where a.user_id = any($1::bigint[]) order by a.system, a.external_id`, [
        userIds,
      ])) as ExternalAccountRow[];
      return userIds.map((id) => rows.filter((r) => r.user_id === id));
    }),
  };
}
