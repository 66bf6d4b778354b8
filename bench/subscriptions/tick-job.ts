import { setTimeout as sleep } from 'node:timers/promises';
import type { JobHandler } from '../../src/jobs/job-handler';

/** A job kind that only reports progress: one row per step, each step long enough to be its own event. */
export const TICK_KIND = 'bench.tick';

export interface TickParams {
  readonly steps: number;
  readonly stepMs: number;
  /** Time for every subscriber to connect before the first step. */
  readonly warmupMs: number;
}

export const tickHandler: JobHandler = {
  async run(job, { progress, signal }) {
    const { steps, stepMs, warmupMs } = job.params as unknown as TickParams;
    await sleep(warmupMs, undefined, { signal });
    progress.setPhase('ticking');
    progress.setTotal(steps);
    for (let step = 1; step <= steps; step++) {
      await sleep(stepMs, undefined, { signal });
      progress.advance(1);
      // Every step is written (and notified) on its own, however close to the last write.
      await progress.flush();
    }
  },
};
