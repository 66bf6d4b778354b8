import { hideLinksOfUsers } from '../user/deleted-user-links';
import type { ImportContext } from './import-context';

/**
 * A deleted user's identifiers and agent links go with them: identity matching must not find a
 * deleted user through an identifier, and the graph must not list a deleted parent as anyone's
 * agent (nor a deleted child's agents). Both are set-based over the users this import deleted
 * (`deleted_roster_user`, kept by the users' apply), by the statements every importer shares
 * (`src/roster/user/deleted-user-links.ts`).
 *
 * Coming back is asymmetric. A returning user is always a staged row, so their own identifiers
 * and agents are replaced from it like any owner's. A returning agent (a parent) is not the
 * owner of the links naming them: those links are marked `deleted_with_user` when hidden and
 * revived by `reviveLinksOfReturningAgents` if their owner still lists them.
 */
export async function hideLinksOfDeletedUsers(ctx: ImportContext): Promise<void> {
  const [any] = await ctx.query<{ n: boolean }>(`select exists (select 1 from deleted_roster_user) as n`);
  if (!any?.n) return;
  await hideLinksOfUsers(ctx, 'select id from deleted_roster_user');
}

/**
 * Links hidden with a user who is live again (restored by this import) whose owner is live and
 * still lists them. Owners staged in this import were already replaced from their rows; this
 * covers a parent restored by a delta that does not carry their children.
 */
export async function reviveLinksOfReturningAgents(ctx: ImportContext): Promise<void> {
  await ctx.query(
    `update agent a set deleted_at = null, deleted_with_user = false, updated_at = now()
       from touched_roster_user t
       join roster_user p on p.id = t.id and p.deleted_at is null
      where a.agent_user_id = t.id and a.deleted_with_user and not t.inserted
        and exists (select 1 from roster_user u where u.id = a.user_id and u.deleted_at is null)`,
  );
}
