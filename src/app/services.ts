import type { DataSource } from 'typeorm';
import { ApiKeyService } from '../auth/api-key.service';
import type { AccessScope } from '../auth/scope/access-scope';
import { AuditLogService } from '../auth/audit/audit-log.service';
import { scopedNodes } from '../auth/scope/scoped-nodes';
import { scopeRecordsServices } from '../records/records.services';
import { ImportInputs, UploadStore } from '../ingest';
import type { Config } from '../config';
import { NestedConnections } from '../graphql/relay/nested-connections';
import type { NodeRegistry } from '../graphql/relay/node-registry';
import type { JobEvents } from '../jobs/job-events';
import type { JobQueue } from '../jobs/queue';
import { SyncJobService } from '../jobs/sync-job.service';
import { toSyncJob } from '../jobs/sync-job.mapper';
import { type RosterLoaders, type RosterServices, createRosterServices, rosterNodes } from '../roster';
import type { Logger } from '../shared/logger';
import { type FormatImporter, type SourceLoaders, type SourceModule, type SourceService, createSourceModule, sourceNodes } from '../sources';
import { type IdentityLoaders, type IdentityService } from '../identity';
import { type RecordsLoaders, type RecordsServices, createRecordsServices, recordsNodes } from '../records';
import { type XapiServices, createXapiServices } from '../xapi';
import { XapiPullService } from '../xapi/pull';
import { SecretBox } from '../shared/secret-box';
import { secretsKeyProvider } from '../shared/secrets-key';
import { type EdReflectLoaders, edReflectNodes } from '../edreflect';
import type { EntityLoaders } from './entity-loaders';
import { RequestLoaders } from './request-loaders';
import { createIdentity } from './identity';
import { type ComplianceLoaders, type ComplianceServices, createComplianceServices } from '../compliance';

/** Long-lived services, built once per process by the composition root. */
export interface AppServices {
  readonly apiKeys: ApiKeyService;
  /** Every mutation, as the audit plugin records it. */
  readonly auditLog: AuditLogService;
  readonly syncJobs: SyncJobService;
  /** Files received by import mutations, kept in Postgres for any worker. */
  readonly uploads: UploadStore;
  /** `{ upload | path }` of an import mutation -> job parameters. */
  readonly importInputs: ImportInputs;
  readonly roster: RosterServices;
  readonly identity: IdentityService;
  readonly records: RecordsServices;
  /** The xAPI LRS at /xapi: credentials and statements. */
  readonly xapi: XapiServices;
  /** Other LRSs we pull statements from. */
  readonly xapiPull: XapiPullService;
  readonly sources: SourceService;
  /** Source job handlers and the schedule ticker, for the runtime. */
  readonly sourceModule: SourceModule;
  /** Learning requirements, scorecards, expiry mail, certificates and reports. */
  readonly compliance: ComplianceServices;
  readonly nodes: NodeRegistry<AppLoaders>;
}

/** Per-request batching; never shared between requests (DataLoader caches are per request). */
export interface AppLoaders extends EntityLoaders {
  readonly connections: NestedConnections;
  readonly roster: RosterLoaders;
  readonly identity: IdentityLoaders;
  readonly records: RecordsLoaders;
  readonly sources: SourceLoaders;
  readonly compliance: ComplianceLoaders;
  readonly edReflect: EdReflectLoaders;
}

export interface AppDeps {
  readonly db: DataSource;
  readonly config: Config;
  readonly log: Logger;
  readonly queue: JobQueue;
  readonly events: JobEvents;
  /** Format importers that sources hand files to (app/importers.ts, plus any a test adds). */
  readonly importers: readonly FormatImporter[];
}

export function createServices(deps: AppDeps): AppServices {
  const syncJobs = new SyncJobService(deps.db, deps.queue, deps.events, deps.config.maxPageSize);
  const sourceModule = createSourceModule({ ...deps, syncJobs });
  const uploads = new UploadStore(deps.db);
  const identity = createIdentity(deps.db);
  const records = createRecordsServices(deps.db, identity);
  return {
    apiKeys: new ApiKeyService(deps.db, deps.config.apiKeyCacheSeconds),
    auditLog: new AuditLogService(deps.db, deps.config.maxPageSize),
    syncJobs,
    uploads,
    importInputs: new ImportInputs(uploads, deps.config.importRoots, deps.config.maxUploadBytes),
    roster: createRosterServices(deps.db, deps.config.maxPageSize),
    identity,
    records,
    xapi: createXapiServices(deps.db),
    xapiPull: new XapiPullService(deps.db, new SecretBox(secretsKeyProvider(deps.config, deps.log)), deps.queue, syncJobs),
    sources: sourceModule.service,
    sourceModule,
    compliance: createComplianceServices(deps),
    nodes: {
      ...rosterNodes,
      ...sourceNodes<AppLoaders>(),
      ...recordsNodes<AppLoaders>(),
      ...edReflectNodes<AppLoaders>(),
      SyncJob: async (loaders, id) => {
        const job = await loaders.syncJob.load(id);
        return job ? toSyncJob(job) : null;
      },
    },
  };
}

/**
 * The services a request sees: the process-wide ones, or for a key scoped to an org subtree,
 * roster and records services that narrow every list to it and a `node(id)` registry of only
 * the types a scope covers (anything else is null to such a key).
 */
export function servicesFor(deps: Pick<AppDeps, 'db' | 'config'>, services: AppServices, scope: AccessScope | null): AppServices {
  if (!scope) return services;
  return {
    ...services,
    roster: createRosterServices(deps.db, deps.config.maxPageSize, scope),
    records: scopeRecordsServices(services.records, deps.db, services.identity, scope),
    nodes: scopedNodes(services.nodes),
  };
}

/** @param scope a scoped key's org subtree: by-id loads of what it may not see are null. */
export function createLoaders(deps: Pick<AppDeps, 'db' | 'config'>, services: AppServices, scope: AccessScope | null = null): AppLoaders {
  return new RequestLoaders(deps, services, scope);
}
