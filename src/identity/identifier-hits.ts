/**
 * The matching rules as SQL shared by matching new persons (as they are inserted) and
 * matching known ones again (rematch.ts), so both decide alike.
 */

/**
 * SQL yielding `(key, was, linked, ...carry, user_id, method, status, candidates)`, one row per
 * row of `source` (SQL yielding `key`, `values` jsonb, `rules` jsonb, `linked`: the user the
 * person's account is linked to or null, and `was`: the person's user before), with the
 * `carry` columns of `source` passed through.
 *
 * Rules: a linked account wins; otherwise every value a rule names is looked up among live
 * users by the rule's identifier kinds (emails and usernames lower-cased, every value
 * trimmed). Exactly one user: MATCHED. Several: AMBIGUOUS, nobody chosen, the candidates kept.
 * None: UNMATCHED.
 */
export function decideMatches(source: string, carry: readonly string[] = []): string {
  const kept = ['key', 'was', 'linked', ...carry];
  return `select ${kept.map((c) => `m.${c}`).join(', ')}, ${matchDecision('m.linked', 'm.users')}
            from (${groupedHits(source, kept)}) m`;
}

/**
 * SQL yielding `(key, users bigint[])`: the live users the values of each row of `source`
 * (`key`, `values`, `rules`) name by the rules above; rows that name nobody are absent.
 */
export function identifierHits(source: string): string {
  return `select g.key, g.users from (${groupedHits(source, ['key'])}) g where cardinality(g.users) > 0`;
}

/**
 * Each row of `source` (its `kept` columns) with `users`, its identifier hits ('{}' for none).
 * One grouped join rather than a lookup per person: a whole file's persons hash-join
 * `user_identifier` once. Only base tables are joined within the one grouping, never a grouped
 * result to another, so a misestimated row count cannot make the plan rescan one per row.
 */
function groupedHits(source: string, kept: readonly string[]): string {
  return `select ${kept.map((c) => `s.${c}`).join(', ')},
                 coalesce(array_agg(distinct ui.user_id order by ui.user_id) filter (where ui.user_id is not null), '{}'::bigint[]) as users
            from (${source}) s
            left join lateral jsonb_to_recordset(s.rules) as r(field text, kinds text[]) on s.values ? r.field
            left join lateral unnest(r.kinds) as k(kind) on true
            left join (user_identifier ui join roster_user u on u.id = ui.user_id and u.deleted_at is null)
              on ui.kind = k.kind and ui.deleted_at is null
             and ui.normalized = case when k.kind in ('email', 'username') then lower(btrim(s.values ->> r.field)) else btrim(s.values ->> r.field) end
           group by ${kept.map((c) => `s.${c}`).join(', ')}`;
}

/** The select list deciding a match from `linked` (a user or null) and `users` (identifier hits, never null). */
function matchDecision(linked: string, users: string): string {
  return `coalesce(${linked}, case when cardinality(${users}) = 1 then (${users})[1] end) as user_id,
          case when ${linked} is not null then 'LINK_KEY' when cardinality(${users}) = 1 then 'IDENTIFIER' end as method,
          case when ${linked} is not null or cardinality(${users}) = 1 then 'MATCHED'
               when cardinality(${users}) > 1 then 'AMBIGUOUS' else 'UNMATCHED' end as status,
          case when ${linked} is null and cardinality(${users}) > 1 then ${users} else '{}'::bigint[] end as candidates`;
}
