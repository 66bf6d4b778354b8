import type { DataSource } from 'typeorm';
import { ApiKeyService } from '../auth/api-key.service';
import type { Config } from '../config';
import { NestedConnections } from '../graphql/relay/nested-connections';
import type { NodeRegistry } from '../graphql/relay/node-registry';
import type { JobEvents } from '../jobs/job-events';
import type { JobQueue } from '../jobs/queue';
import { SyncJobService } from '../jobs/sync-job.service';
import { toSyncJob } from '../jobs/sync-job.mapper';
import { type RosterLoaders, type RosterServices, createRosterLoaders, createRosterServices, rosterNodes } from '../roster';
import type { Logger } from '../shared/logger';
import { createEntityLoaders, type EntityLoaders } from './entity-loaders';

/** Long-lived services, built once per process by the composition root. */
export interface AppServices {
  readonly apiKeys: ApiKeyService;
  readonly syncJobs: SyncJobService;
  readonly roster: RosterServices;
  readonly nodes: NodeRegistry<AppLoaders>;
}

/** Per-request batching; never shared between requests (DataLoader caches are per request). */
export interface AppLoaders extends EntityLoaders {
  readonly connections: NestedConnections;
  readonly roster: RosterLoaders;
}

export interface AppDeps {
  readonly db: DataSource;
  readonly config: Config;
  readonly log: Logger;
  readonly queue: JobQueue;
  readonly events: JobEvents;
}

export function createServices(deps: AppDeps): AppServices {
  const syncJobs = new SyncJobService(deps.db, deps.queue, deps.events, deps.config.maxPageSize);
  return {
    apiKeys: new ApiKeyService(deps.db),
    syncJobs,
    roster: createRosterServices(deps.db, deps.config.maxPageSize),
    nodes: {
      ...rosterNodes,
      SyncJob: async (loaders, id) => {
        const job = await loaders.syncJob.load(id);
        return job ? toSyncJob(job) : null;
      },
    },
  };
}

export function createLoaders(deps: Pick<AppDeps, 'db' | 'config'>, services: AppServices): AppLoaders {
  return {
    ...createEntityLoaders(services),
    connections: new NestedConnections(deps.db, deps.config.maxPageSize),
    roster: createRosterLoaders(deps.db),
  };
}
