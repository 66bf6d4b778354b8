import type { ColumnOptions } from 'typeorm';

/**
 * Collation of the opaque keys the importer joins on: sourcedIds, the columns holding a
 * referenced sourcedId, and `user_identifier`'s key and lookup columns. They are only ever
 * compared for equality, which every deterministic collation answers alike, so "C" changes
 * no match; it compares bytes instead of calling the C library's collation, and lets sorts use
 * abbreviated keys, which is most of the cost of building a district's `(system, sourced_id)`
 * indexes and of the sorts and merge joins over them.
 *
 * Ordering by one of these columns (`SOURCED_ID_ASC`, a user's identifiers) is byte order,
 * which for UTF-8 is code point order, whatever the database's default collation. Equality
 * with a column of the default collation (staging tables, other sources' tables) is compared
 * in "C" as well: an explicit or non-default implicit collation wins over the default one.
 * Case-insensitive search over one of them names the default collation (see
 * `foldedForSearch`), so that ILIKE folds non-ASCII letters as before.
 */
export const KEY_COLLATION = 'C';

export const SOURCED_ID_COLUMN = { type: 'text', name: 'sourced_id', collation: KEY_COLLATION } as const satisfies ColumnOptions;
