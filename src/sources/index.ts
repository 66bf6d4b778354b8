/** The sources domain's public module: what the composition root wires in. */
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { DEFAULT_SFTP_TUNING, type SftpTuning } from '../ingest/sftp/sftp-session';
import type { JobHandler } from '../jobs/job-handler';
import type { JobQueue } from '../jobs/queue';
import type { SyncJobService } from '../jobs/sync-job.service';
import type { NodeRegistry } from '../graphql/relay/node-registry';
import type { Logger } from '../shared/logger';
import { SecretBox } from '../shared/secret-box';
import { secretsKeyProvider } from '../shared/secrets-key';
import type { FormatImporter } from './importers/format-importer';
import { ImporterRegistry } from './importers/importer-registry';
import { ScheduleTicker } from './schedule/schedule-ticker';
import { SourceScheduler } from './schedule/source-scheduler';
import { SourceFileResolver } from './source-file.resolver';
import { SourceSecrets } from './source-secrets';
import { SourceTester } from './source-tester';
import type { SourceLoaders } from './source.loaders';
import { sourceFileFromEntity, toSource } from './source.mapper';
import { SourceResolver } from './source.resolver';
import { SourceService } from './source.service';
import { SOURCE_IMPORT_KIND, SOURCE_SYNC_KIND } from './sync/job-kinds';
import { DEFAULT_DOWNLOAD_TUNING, type DownloadTuning, SourceImportHandler } from './sync/source-import.handler';
import { SourceSyncHandler } from './sync/source-sync.handler';
import { SyncStarter } from './sync/sync-starter';

export type { FormatImporter, StreamImporter, FileImporter, StreamedSourceFile, SpooledSourceFile, ImportContext } from './importers/format-importer';
export { type SourceLoaders, createSourceLoaders } from './source.loaders';
export { sourceEntities } from './source.entities';
export { SourceService } from './source.service';
export type { ScheduleTicker } from './schedule/schedule-ticker';
export { SOURCE_IMPORT_KIND, SOURCE_SYNC_KIND } from './sync/job-kinds';

export const sourceResolvers = [SourceResolver, SourceFileResolver] as const;

export interface SourceModuleDeps {
  readonly db: DataSource;
  readonly config: Config;
  readonly log: Logger;
  readonly queue: JobQueue;
  readonly syncJobs: SyncJobService;
  readonly importers: readonly FormatImporter[];
  readonly sftpTuning?: SftpTuning;
  readonly downloadTuning?: DownloadTuning;
}

export interface SourceModule {
  readonly service: SourceService;
  /** `source.sync` and `source.import`, for the workers. */
  readonly handlers: ReadonlyMap<string, JobHandler>;
  /** Turns due schedules into syncs; started by processes that run workers. */
  readonly ticker: ScheduleTicker;
}

export function createSourceModule(deps: SourceModuleDeps): SourceModule {
  const secrets = new SourceSecrets(new SecretBox(secretsKeyProvider(deps.config, deps.log)));
  const importers = new ImporterRegistry(deps.importers);
  const scheduler = new SourceScheduler(deps.queue);
  const starter = new SyncStarter(deps.db, deps.syncJobs);
  const folderDeps = { secrets, sftpTuning: deps.sftpTuning ?? DEFAULT_SFTP_TUNING, folderRoots: deps.config.sourceFolderRoots };
  const tester = new SourceTester(deps.db, importers, folderDeps);
  const service = new SourceService(deps.db, secrets, scheduler, starter, tester, importers, deps.config.sourceFolderRoots, deps.config.maxPageSize);
  const handlers = new Map<string, JobHandler>([
    [SOURCE_SYNC_KIND, new SourceSyncHandler({ ...folderDeps, db: deps.db, importers, starter })],
    [
      SOURCE_IMPORT_KIND,
      new SourceImportHandler({ ...folderDeps, db: deps.db, importers, starter, download: deps.downloadTuning ?? DEFAULT_DOWNLOAD_TUNING, log: deps.log }),
    ],
  ]);
  const ticker = new ScheduleTicker(
    deps.db,
    deps.queue,
    async (sourceId) => {
      const outcome = await service.onScheduleTick(sourceId);
      deps.log.info({ sourceId, jobId: outcome?.job.id, started: outcome?.started ?? false }, 'scheduled sync');
    },
    () => service.reconcileSchedules(),
    deps.config.scheduleCheckSeconds * 1000,
    deps.log,
  );
  return { service, handlers, ticker };
}

/** How `node(id)` finds sources and ledger rows. */
export function sourceNodes<L extends { sources: SourceLoaders }>(): NodeRegistry<L> {
  return {
    Source: async (loaders, id) => {
      const source = await loaders.sources.source.load(id);
      return source ? toSource(source) : null;
    },
    SourceFile: async (loaders, id) => {
      const file = await loaders.sources.file.load(id);
      return file ? sourceFileFromEntity(file) : null;
    },
  };
}
