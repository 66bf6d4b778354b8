import { join, raw, sql, type Sql } from '../../db/sql';

/** `%term%` for ILIKE, with the term's own `%`, `_` and `\` matched literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A key column (in the "C" collation, see key-columns.ts) as searched text: ILIKE folds case by
 * the expression's collation, and "C" folds ASCII letters only.
 */
export function foldedForSearch(column: string): string {
  return `${column} collate "default"`;
}

/** Any of the expressions (trusted text) contains `term`, ignoring case. */
export function searchCondition(exprs: readonly string[], term: string): Sql {
  const pattern = containsPattern(term.trim());
  return join(
    exprs.map((e) => sql`${raw(e)} ilike ${pattern}`),
    ' or ',
  );
}

/**
 * The ids of an org and every org below it, as a subquery. `union` (not `union all`) drops
 * ids already seen, so a parent cycle in bad source data ends the recursion instead of looping.
 */
export function orgSubtree(orgId: string): Sql {
  return sql`(with recursive subtree(id) as (
      select id from org where id = ${orgId}
      union select o.id from org o join subtree t on o.parent_id = t.id
    ) select id from subtree)`;
}

/**
 * A membership is current on `day` when it has begun and not ended. The end date is taken as
 * inclusive: OneRoster 1.1 calls it exclusive, but SIS exports usually send the last day, and
 * dropping someone a day early is the worse mistake.
 */
export function activeOnCondition(a: string, day: string): Sql {
  return sql`(${raw(`${a}.begin_date`)} is null or ${raw(`${a}.begin_date`)} <= ${day}::date)
    and (${raw(`${a}.end_date`)} is null or ${raw(`${a}.end_date`)} >= ${day}::date)`;
}
