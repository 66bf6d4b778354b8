import DataLoader from 'dataloader';
import type { SyncJobEntity } from '../jobs/sync-job.entity';
import type { SyncJobService } from '../jobs/sync-job.service';

/** By-id loaders of every domain, made per request. */
export interface EntityLoaders {
  readonly syncJob: DataLoader<string, SyncJobEntity | null>;
}

export function createEntityLoaders(services: { syncJobs: SyncJobService }): EntityLoaders {
  return {
    syncJob: new DataLoader((ids) => services.syncJobs.getMany(ids)),
  };
}
