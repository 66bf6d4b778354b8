import { createHash } from 'node:crypto';
import type { Queryable } from '../graphql/relay/keyset';
import { preparedReadsOf } from './prepared-reads';

const names = new Map<string, string>();
const MAX_NAMES = 1_000;

/**
 * Runs a read as a named prepared statement: each pooled connection parses and plans its text
 * once and later sends only the values. For the long statements run on every page (a
 * learner's timeline is a UNION of several tables) planning costs more than executing. The
 * name is a hash of the text, so two texts never share a plan, and a statement of another
 * shape simply gets a name of its own. Only for texts built by code from a bounded set of
 * shapes (values always bound), never for ad-hoc SQL.
 *
 * `generic`: the statement's plan does not depend on its values (lookups by primary key, a
 * lateral page per parent along an index), so outside a transaction it runs on the pool that
 * keeps the cached generic plan (prepared-reads.ts). `auto` leaves the choice to Postgres,
 * which re-plans a statement whose plan would differ by value (an `= any($1)` batch).
 */
export function queryPrepared(db: Queryable, text: string, values: unknown[], plan: 'auto' | 'generic' = 'auto'): Promise<unknown> {
  let name = names.get(text);
  if (!name) {
    name = `lg_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(text, name);
  }
  // Outside a transaction, on the pool whose sessions keep generic plans (prepared-reads.ts).
  const reads = plan === 'generic' ? preparedReadsOf(db) : undefined;
  if (reads) return reads.query(name, text, values);
  // In a transaction, on its connection: TypeORM hands its query argument to pg's `client.query`, which takes a query config
  // (`{ name, text }`) as well as a string; the statement counter and logs see it as one statement.
  return db.query({ name, text } as unknown as string, values);
}

/** The text of a query argument, whether a string or a query config (see queryPrepared). */
export function queryText(query: unknown): string {
  return typeof query === 'string' ? query : String((query as { text?: unknown } | null)?.text ?? '');
}
