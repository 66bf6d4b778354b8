import { z } from 'zod';
import type { JobHandler, JobRunContext } from '../../jobs/job-handler';
import type { SyncJobEntity } from '../../jobs/sync-job.entity';
import type { StatementStore } from '../statements/statement-store';
import { pullStatements } from './pull-run';
import type { XapiPullService } from './pull-source.service';
import { parseJobParams } from '../../jobs/job-params';

const params = z.object({ pullSourceId: z.string().regex(/^\d+$/), pageSize: z.number().int().min(1).max(1000).optional() });

/** Runs `xapi-pull` jobs: one pull of one source (pull-run.ts), counted as rows received. */
export function xapiPullJobHandler(pulls: XapiPullService, store: StatementStore): JobHandler {
  return {
    async run(job: SyncJobEntity, context: JobRunContext): Promise<void> {
      const { pullSourceId, pageSize } = parseJobParams(params, job.params);
      const source = await pulls.get(pullSourceId);
      const outcome = await pullStatements(source, pulls.remote(source), {
        db: context.db,
        store,
        progress: context.progress,
        signal: context.signal,
        ...(pageSize ? { pageSize } : {}),
      });
      context.progress.addCounts({ added: outcome.received - outcome.conflicts - outcome.invalid, rejected: outcome.invalid });
      context.progress.setResult({ pages: outcome.pages, received: outcome.received, conflicts: outcome.conflicts, invalid: outcome.invalid, watermark: outcome.watermark?.toISOString() ?? null });
    },
  };
}
