import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, registerEnumType, Resolver, Root } from 'type-graphql';
import { ApiRole } from '../../auth/role';
import type { Context } from '../../graphql/context';
import { localIdOf } from '../../graphql/relay/global-id';
import { toSyncJob } from '../../jobs/sync-job.mapper';
import { SyncJobStatus } from '../../jobs/sync-job-status';
import { SyncJob } from '../../jobs/sync-job.type';
import { required, toOrg } from '../../roster';
import { reportPath } from '../http/compliance-routes';
import { checkExpiringWithin, DEFAULT_EXPIRING_DAYS } from '../requirements/scorecard.service';
import { COMPLIANCE_REPORT_JOB_KIND, type ComplianceReportParams } from './compliance-report.job';

export enum ReportFormat {
  CSV = 'CSV',
}

registerEnumType(ReportFormat, { name: 'ReportFormat' });

@Resolver(() => SyncJob)
export class ComplianceReportResolver {
  @Authorized(ApiRole.INTEGRATOR)
  @Mutation(() => SyncJob, {
    description:
      'Writes the scorecards of everyone at the org and below (one row per person and requirement) as a file, in a job: watch it with `syncJobUpdated`; `downloadUrl` has the file once it SUCCEEDED.',
  })
  async exportComplianceReport(
    @Arg('orgId', () => ID) orgId: string,
    @Arg('format', () => ReportFormat, { defaultValue: ReportFormat.CSV }) format: ReportFormat,
    @Arg('expiringWithin', () => Int, { defaultValue: DEFAULT_EXPIRING_DAYS }) expiringWithin: number,
    @Ctx() ctx: Context,
  ): Promise<SyncJob> {
    const localId = localIdOf(orgId, 'Org');
    const org = toOrg(required(await ctx.loaders.roster.org.load(localId), `Org ${localId}`));
    const params: ComplianceReportParams = { orgId: localId, format, expiringWithin: checkExpiringWithin(expiringWithin) };
    const job = await ctx.services.syncJobs.enqueue({
      kind: COMPLIANCE_REPORT_JOB_KIND,
      sourceLabel: `compliance report: ${org.name}`,
      params: { ...params },
      createdByKeyId: ctx.viewer?.keyId ?? null,
    });
    return toSyncJob(job);
  }

  @FieldResolver(() => String, { nullable: true, description: 'A report job that SUCCEEDED: a signed link to its file, valid for SIGNED_URL_TTL_SECONDS.' })
  downloadUrl(@Root() job: SyncJob, @Ctx() ctx: Context): string | null {
    if (job.kind !== COMPLIANCE_REPORT_JOB_KIND || job.status !== SyncJobStatus.SUCCEEDED) return null;
    return ctx.services.compliance.links.sign(reportPath(job.localId));
  }
}
