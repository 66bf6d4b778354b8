import { DomainError } from '../../shared/domain-error';
import type { ApplyContext } from './apply-context';

/** The sourcedId of the org the import system makes when no school is configured. */
export const DEFAULT_SCHOOL_SOURCED_ID = 'default-school';

/**
 * The org that classes made from `<group>`s belong to (a class needs a school in the roster
 * model; IMS groups name none: their `<org><orgunit>` is a Moodle category, usually a term).
 *
 * With `schoolSourcedId`, the live org of the import system with that sourcedId, else the one
 * live org of any source with it (OneRoster's school, say); none or several fail the import
 * before anything is applied. Without it, one org of type `school` per import system,
 * sourcedId `default-school`, named after the file's `<datasource>`, made on first need.
 */
export async function schoolFor(ctx: ApplyContext): Promise<string> {
  const configured = ctx.options.schoolSourcedId;
  if (configured) {
    const own = await ctx.query<{ id: string }>(`select id from org where system = $1 and sourced_id = $2 and deleted_at is null`, [ctx.system, configured]);
    if (own[0]) return own[0].id;
    const any = await ctx.query<{ id: string }>(`select id from org where sourced_id = $1 and deleted_at is null limit 2`, [configured]);
    if (any.length === 1 && any[0]) return any[0].id;
    throw new DomainError(
      'BAD_USER_INPUT',
      any.length === 0
        ? `schoolSourcedId "${configured}" names no org; import the org first or leave the option out to use the system's default school`
        : `schoolSourcedId "${configured}" names orgs of several sources; give the system's own org`,
    );
  }
  const rows = await ctx.query<{ id: string; inserted: boolean }>(
    `insert into org as o (system, sourced_id, status, name, type, metadata, updated_at)
     values ($1, $2, 'active', $3, 'school', '{}'::jsonb, now())
     on conflict (system, sourced_id) do update set status = 'active', deleted_at = null, updated_at = now() where o.deleted_at is not null
     returning o.id, (xmax = 0) as inserted`,
    [ctx.system, DEFAULT_SCHOOL_SOURCED_ID, ctx.datasource ? `IMS Enterprise: ${ctx.datasource}` : 'IMS Enterprise'],
  );
  if (rows[0]) {
    if (rows[0].inserted) ctx.count('orgs', 'added', 1);
    return rows[0].id;
  }
  const existing = await ctx.query<{ id: string }>(`select id from org where system = $1 and sourced_id = $2`, [ctx.system, DEFAULT_SCHOOL_SOURCED_ID]);
  return (existing[0] as { id: string }).id;
}
