import type { JobHandler } from '../jobs/job-handler';
import type { AppDeps, AppServices } from './services';

/** Every job kind the workers know, with its handler. Domains add their importers here. */
export function createJobHandlers(_deps: AppDeps, _services: AppServices): Map<string, JobHandler> {
  return new Map<string, JobHandler>();
}
