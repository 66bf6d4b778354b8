import DataLoader from 'dataloader';
import type { Queryable } from '../../graphql/relay/keyset';
import { PERSON_COLUMNS, type PersonRow } from '../../identity';
import type { EdReflectRubric } from '../graphql/rubric.type';
import { loadRubrics } from '../graphql/rubric-tree';
import { ROW_COLUMNS, type RecordRow } from './record-row';

/** Per-request batching for the EdReflect graph; one statement per batch. */
export interface EdReflectLoaders {
  /** Any stored row by its local id. */
  readonly row: DataLoader<string, RecordRow | null>;
  /** EdReflect users by `system + "\0" + EdReflect id` (an observer, an owner). */
  readonly user: DataLoader<string, RecordRow | null>;
  /** The person of an EdReflect user, by the same key. */
  readonly person: DataLoader<string, PersonRow | null>;
  /** A roster user's EdReflect users (one per tenant, or several when identifiers agree). */
  readonly usersOfRosterUser: DataLoader<string, RecordRow[]>;
  /** Rubric indicators (any level) by `system + "\0" + EdReflect id`. */
  readonly indicator: DataLoader<string, RecordRow | null>;
  /** Rubrics by `system + "\0" + EdReflect id`, with their trees. */
  readonly rubric: DataLoader<string, EdReflectRubric | null>;
}

/** `rubrics.indicators` and its nested levels, named so that the store's unique key serves the lookup. */
const INDICATOR_TABLES = Array.from({ length: 8 }, (_, i) => `rubrics${'.indicators'.repeat(i + 1)}`);

export const key = (system: string, edReflectId: string): string => `${system}\u0000${edReflectId}`;

function split(keys: readonly string[]): [string[], string[]] {
  const parts = keys.map((k) => k.split('\u0000'));
  return [parts.map((p) => p[0] ?? ''), parts.map((p) => p[1] ?? '')];
}

export function createEdReflectLoaders(db: Queryable): EdReflectLoaders {
  return {
    row: new DataLoader(async (ids) => {
      const rows = (await db.query(`select ${ROW_COLUMNS} from edreflect_row r where r.id = any($1::bigint[])`, [ids])) as RecordRow[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    user: new DataLoader(async (keys) => {
      const rows = (await db.query(
        `select ${ROW_COLUMNS} from unnest($1::text[], $2::text[]) as k(system, row_id)
           join edreflect_row r on r.system = k.system and r.table_name = 'users' and r.row_id = k.row_id`,
        split(keys),
      )) as RecordRow[];
      const found = new Map(rows.map((r) => [key(r.system, r.row_id), r]));
      return keys.map((k) => found.get(k) ?? null);
    }),
    person: new DataLoader(async (keys) => {
      const rows = (await db.query(
        `select ${PERSON_COLUMNS}, k.system as "__system"
           from unnest($1::text[], $2::text[]) as k(system, account_id)
           join external_person p on p.system = 'edreflect:' || k.system and p.account_id = k.account_id`,
        split(keys),
      )) as (PersonRow & { __system: string })[];
      const found = new Map(rows.map(({ __system, ...p }) => [key(__system, p.account_id ?? ''), p]));
      return keys.map((k) => found.get(k) ?? null);
    }),
    usersOfRosterUser: new DataLoader(async (userIds) => {
      const rows = (await db.query(
        `select ${ROW_COLUMNS}, p.user_id::text as "__key" from external_person p
           join edreflect_row r on r.system = substr(p.system, 11) and r.table_name = 'users' and r.row_id = p.account_id
          where p.user_id = any($1::bigint[]) and p.system like 'edreflect:%' order by r.id`,
        [userIds],
      )) as (RecordRow & { __key: string })[];
      return userIds.map((id) => rows.filter((r) => r.__key === id).map(({ __key, ...r }) => r));
    }),
    indicator: new DataLoader(async (keys) => {
      const rows = (await db.query(
        `select ${ROW_COLUMNS} from unnest($1::text[], $2::text[]) as k(system, row_id)
           join edreflect_row r on r.system = k.system and r.table_name = any($3::text[]) and r.row_id = k.row_id`,
        [...split(keys), INDICATOR_TABLES],
      )) as RecordRow[];
      const found = new Map(rows.map((r) => [key(r.system, r.row_id), r]));
      return keys.map((k) => found.get(k) ?? null);
    }),
    rubric: new DataLoader(async (keys) => {
      const [systems, ids] = split(keys);
      const rubrics = await loadRubrics(db, { keys: systems.map((system, i) => ({ system, rowId: ids[i] ?? '' })) });
      const found = new Map(rubrics.map((r) => [key(r.system, r.edReflectId), r]));
      return keys.map((k) => found.get(k) ?? null);
    }),
  };
}
