import { DomainError } from '../../shared/domain-error';
import { missingFromBulk } from './apply-records';
import type { ImportContext } from './import-context';
import type { RosterFile } from './versions';

const TABLES: Partial<Record<RosterFile, string>> = {
  academicSessions: 'academic_session',
  orgs: 'org',
  courses: 'course',
  classes: 'class',
  users: 'roster_user',
  userProfiles: 'user_profile',
  roles: 'role',
  demographics: 'demographics',
  enrollments: 'enrollment',
};

/**
 * A bulk file deletes what it no longer lists. A truncated export would wipe a district, so a
 * file that would delete more than `share` of an entity's live records stops the import
 * (nothing applied) unless forced.
 */
export async function checkDeleteThresholds(ctx: ImportContext, share: number): Promise<void> {
  const over: string[] = [];
  for (const [file, plan] of ctx.plans) {
    const table = TABLES[file];
    if (!table || plan.mode !== 'bulk') continue;
    const [row] = await ctx.query<{ live: number; missing: number }>(
      `select count(*)::int as live, (count(*) filter (where ${missingFromBulk(plan.staging.table, file)}))::int as missing
         from ${table} t where t.system = $1 and t.deleted_at is null`,
      [ctx.system],
    );
    // The apply then skips looking for missing records where there are none (a first import).
    ctx.missingFromBulk.set(file, row?.missing ?? 0);
    if (!row || row.live === 0 || row.missing === 0) continue;
    const deletedShare = row.missing / row.live;
    if (deletedShare > share) over.push(`${plan.entry} would delete ${row.missing} of ${row.live} ${file} (${Math.round(deletedShare * 100)}%)`);
  }
  if (over.length > 0) {
    throw new DomainError(
      'CONFLICT',
      `${over.join('; ')}: more than the allowed ${Math.round(share * 100)}%. Nothing was applied; import again with force to apply. [oneroster.bulk.delete_threshold]`,
      { rule: 'oneroster.bulk.delete_threshold' },
    );
  }
}
