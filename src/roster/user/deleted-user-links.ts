/** What these statements need of an importer: a query in its transaction. */
export interface LinkQueries {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/**
 * A deleted user's identifiers and agent links go with them, whichever importer deleted them:
 * identity matching must not find a deleted user through an identifier, and the graph must not
 * list a deleted parent as anyone's agent (nor a deleted child's agents). Set-based over
 * `users`, SQL yielding the `id` of each user just deleted (bound to `params`).
 *
 * Every `agent` row naming such a user, on either side, is marked `deleted_with_user`: its
 * owner still lists it, so it comes back with the user (`reviveAgentLinksOfUsers`, or the
 * owner's importer replacing its links). Identifiers are not marked: only their owner's
 * importer writes them, and it writes them again when the user returns.
 */
export async function hideLinksOfUsers(db: LinkQueries, users: string, params: unknown[] = []): Promise<void> {
  await db.query(
    `update user_identifier ui set deleted_at = now(), updated_at = now()
      where ui.deleted_at is null and ui.user_id in (${users})`,
    params,
  );
  // Two statements rather than `or`: each side probes its own index (agent_key, agent_agent_user_idx).
  for (const column of ['user_id', 'agent_user_id']) {
    await db.query(
      `update agent a set deleted_at = now(), deleted_with_user = true, updated_at = now()
        where a.deleted_at is null and a.${column} in (${users})`,
      params,
    );
  }
}

/**
 * Agent links hidden with one of `users` (SQL yielding the `id` of users live again) whose
 * other user is live too. The mark means the owner still lists the link (an owner that stops
 * listing it clears the mark), so it is safe to bring back from either side.
 */
export async function reviveAgentLinksOfUsers(db: LinkQueries, users: string, params: unknown[] = []): Promise<void> {
  for (const column of ['user_id', 'agent_user_id']) {
    await db.query(
      `update agent a set deleted_at = null, deleted_with_user = false, updated_at = now()
        where a.deleted_with_user and a.${column} in (${users})
          and exists (select 1 from roster_user u where u.id = a.user_id and u.deleted_at is null)
          and exists (select 1 from roster_user u where u.id = a.agent_user_id and u.deleted_at is null)`,
      params,
    );
  }
}
