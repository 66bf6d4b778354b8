import { setTimeout as sleep } from 'node:timers/promises';
import type { JobHandler } from '../../src/jobs/job-handler';
import { IssueSeverity } from '../../src/jobs/sync-job-status';
import { DomainError } from '../../src/shared/domain-error';

/** A job kind for exercising the job machinery: counts rows slowly, can reject or fail. */
export const COUNTING_KIND = 'test.count';

export interface CountingParams {
  rows: number;
  stepMs: number;
  rejectLines?: number[];
  failAtRow?: number;
}

export const countingHandler: JobHandler = {
  async run(job, { progress, signal }) {
    const params = job.params as unknown as CountingParams;
    progress.setPhase('counting');
    progress.setTotal(params.rows);
    for (let row = 1; row <= params.rows; row++) {
      signal.throwIfAborted();
      await sleep(params.stepMs, undefined, { signal });
      if (params.failAtRow === row) throw new DomainError('INVALID_FILE', `count.csv line ${row + 1}: the test says stop`);
      if (params.rejectLines?.includes(row + 1)) {
        progress.issue({ severity: IssueSeverity.ERROR, code: 'test.rejected', message: 'rejected on purpose', file: 'count.csv', line: row + 1, column: 'n' });
        progress.addCounts({ rejected: 1 });
      } else {
        progress.addCounts({ added: 1 });
      }
      progress.advance(1);
    }
  },
};

export const testHandlers = new Map([[COUNTING_KIND, countingHandler]]);
