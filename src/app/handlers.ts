import type { JobHandler } from '../jobs/job-handler';
import { ONEROSTER_JOB_KIND, oneRosterJobHandler } from '../roster/oneroster/oneroster.job';
import { LMS_JOB_KIND, lmsJobHandler, RECORDS_JOB_KIND, recordsJobHandler } from '../records';
import { IMS_JOB_KIND, imsJobHandler } from '../ims';
import { EDREFLECT_JOB_KIND, edReflectJobHandler } from '../edreflect';
import { COMPLIANCE_REPORT_JOB_KIND, complianceReportJobHandler } from '../compliance';
import { XAPI_PULL_JOB_KIND, xapiPullJobHandler } from '../xapi/pull';
import { thenRematch } from './rematch-after';
import type { AppDeps, AppServices } from './services';

/** Every job kind the workers know, with its handler. Domains add their importers here. */
export function createJobHandlers(_deps: AppDeps, services: AppServices): Map<string, JobHandler> {
  return new Map<string, JobHandler>([
    // Importers that bring users: persons waiting for them are matched right after.
    [ONEROSTER_JOB_KIND, thenRematch(oneRosterJobHandler, services.identity)],
    [IMS_JOB_KIND, thenRematch(imsJobHandler, services.identity)],
    [LMS_JOB_KIND, lmsJobHandler(services.identity)],
    [EDREFLECT_JOB_KIND, edReflectJobHandler(services.identity)],
    ...services.sourceModule.handlers,
    [COMPLIANCE_REPORT_JOB_KIND, complianceReportJobHandler(services.uploads)],
    [RECORDS_JOB_KIND, recordsJobHandler(services.identity)],
    [XAPI_PULL_JOB_KIND, xapiPullJobHandler(services.xapiPull, services.xapi.statements)],
  ]);
}
