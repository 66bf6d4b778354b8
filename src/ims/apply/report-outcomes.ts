import { IssueSeverity, type Diagnostic } from '../../ingest';
import type { ApplyContext } from './apply-context';
import { codesWith, REASONS, type Reason, type ReasonCode } from './reasons';

const PAGE = 5_000;

interface ReasonRow {
  ord: number;
  line: number;
  path: string;
  record_key: string;
  reason: string;
}

/**
 * Turns the working tables' outcomes into the job's counts and issues: every element that was
 * skipped, or applied with a note, becomes an issue with its line, element path (in the
 * issue's `column`) and key, read page by page so that a file skipping a million members does
 * not hold them in memory. Members of a membership whose course is unknown share one issue,
 * on the membership.
 */
export async function reportOutcomes(ctx: ApplyContext, file: string, report: (diagnostic: Diagnostic) => void): Promise<void> {
  await countOutcomes(ctx, 'persons', 'ims_persons');
  await countOutcomes(ctx, 'groups', 'ims_groups');
  await countMembers(ctx);

  await reportReasons(ctx, file, report, `select ord, line, path, key as record_key, reason from ims_persons where reason is not null`);
  await reportReasons(ctx, file, report, `select ord, line, path, key as record_key, reason from ims_groups where reason is not null`);
  await reportReasons(
    ctx,
    file,
    report,
    `select ord, line, path, key as record_key, 'ims.group.name_fallback' as reason from ims_groups where outcome = 'created' and (title_fallback or code_fallback)`,
  );
  await reportReasons(ctx, file, report, `select ord, line, path, key as record_key, 'ims.group.created_on_delete' as reason from ims_groups where created_on_delete`);
  await reportMemberships(ctx, file, report);
  await reportReasons(
    ctx,
    file,
    report,
    `select ord, line, path, group_key || ' ' || person_key as record_key, reason, roletype from ims_members
      where reason is not null and reason <> 'ims.membership.group_unknown'`,
    (row) => (row.reason === 'ims.role.unmapped' ? ` (role type ${(row as ReasonRow & { roletype: string }).roletype})` : ''),
  );
}

async function countOutcomes(ctx: ApplyContext, entity: string, table: string): Promise<void> {
  const rows = await ctx.query<{ outcome: string; n: number }>(
    `select case when reason in (${codesWith(IssueSeverity.ERROR)}) then 'rejected' when reason is not null then 'skipped' else outcome end as outcome,
            count(*)::int as n
       from ${table} group by 1`,
  );
  for (const row of rows) ctx.count(entity, row.outcome === 'created' ? 'added' : row.outcome, row.n);
}

async function countMembers(ctx: ApplyContext): Promise<void> {
  const rows = await ctx.query<{ outcome: string; n: number }>(
    `select case when reason in (${codesWith(IssueSeverity.ERROR)}) then 'rejected' else 'skipped' end as outcome, count(*)::int as n
       from ims_members where reason is not null group by 1`,
  );
  for (const row of rows) ctx.count('memberships', row.outcome, row.n);
}

async function reportMemberships(ctx: ApplyContext, file: string, report: (diagnostic: Diagnostic) => void): Promise<void> {
  await reportReasons(
    ctx,
    file,
    report,
    `select s.ord::int as ord, s.line, s.path, s.key as record_key,
            case when k.ambiguous then 'ims.membership.group_ambiguous' else 'ims.membership.group_unknown' end as reason, s.members
       from stage_ims s join ims_group_keys k on k.key = s.key
      where s.kind = 'membership' and k.class_id is null`,
    (row) => ` (${(row as ReasonRow & { members: string }).members} member(s))`,
  );
}

async function reportReasons(
  ctx: ApplyContext,
  file: string,
  report: (diagnostic: Diagnostic) => void,
  select: string,
  suffix: (row: ReasonRow) => string = () => '',
): Promise<void> {
  // Keyset over (ord, path): the roles of one member share its ord.
  let after: [number, string] = [-1, ''];
  for (;;) {
    const rows = await ctx.query<ReasonRow>(`select * from (${select}) r where (r.ord, r.path) > ($1, $2) order by r.ord, r.path limit ${PAGE}`, after);
    for (const row of rows) {
      const reason = REASONS[row.reason as ReasonCode] as Reason | undefined;
      report({
        severity: reason?.severity ?? IssueSeverity.ERROR,
        code: row.reason,
        message: (reason?.message ?? 'the element was not applied') + suffix(row),
        file,
        line: row.line,
        column: row.path,
        recordKey: row.record_key,
      });
    }
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1] as ReasonRow;
    after = [last.ord, last.path];
  }
}
