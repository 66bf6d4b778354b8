import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import type { JobHandler, JobRunContext } from '../../jobs/job-handler';
import { IssueSeverity } from '../../jobs/sync-job-status';
import type { SyncJobEntity } from '../../jobs/sync-job.entity';
import { DomainError } from '../../shared/domain-error';
import { assertNever } from '../../shared/invariant';
import type { Logger } from '../../shared/logger';
import { FileChangedError, ResumableDownload } from '../download/resumable-download';
import { type FolderDeps, openSourceFolder } from '../folder/open-folder';
import type { RemoteFolder } from '../folder/remote-folder';
import type { FormatImporter, ImportContext } from '../importers/format-importer';
import type { ImporterRegistry } from '../importers/importer-registry';
import { SourceFileLedger } from '../ledger/source-file-ledger';
import { connectionError } from '../source-errors';
import { ProcessedFileAction } from '../source-enums';
import { FileDisposition } from '../source-file-status';
import type { SourceFileEntity } from '../source-file.entity';
import { SourceEntity } from '../source.entity';
import type { SourceImportParams } from './job-kinds';
import type { SyncStarter } from './sync-starter';

export interface DownloadTuning {
  readonly maxResumes: number;
  readonly resumeDelayMs: number;
}

export const DEFAULT_DOWNLOAD_TUNING: DownloadTuning = { maxResumes: 3, resumeDelayMs: 1_000 };

export interface SourceImportDeps extends FolderDeps {
  readonly db: DataSource;
  readonly importers: ImporterRegistry;
  readonly starter: SyncStarter;
  readonly download: DownloadTuning;
  readonly log: Logger;
}

/**
 * `source.import`: one file of a source, alone. Claims its ledger row, opens a new connection,
 * streams the bytes into the format's importer (resuming a cut download where it stopped),
 * records the content hash, archives or deletes the file if the source says so, and finally
 * starts the next file of the chain, unless this job was cancelled.
 */
export class SourceImportHandler implements JobHandler {
  constructor(private readonly deps: SourceImportDeps) {}

  async run(job: SyncJobEntity, context: JobRunContext): Promise<void> {
    const params = job.params as unknown as SourceImportParams;
    try {
      await this.importFile(job, params, context);
    } finally {
      // A failed file does not stop the days after it (it is retried by the next sync); a
      // cancel or a shutdown does (the retried job picks the chain up again).
      if (!context.signal.aborted) {
        await this.deps.starter
          .startNextImport(params.sourceId, params.syncJobId, [job.id, params.syncJobId])
          .catch((error: unknown) => context.log.error({ err: error }, 'could not start the next import of the source'));
      }
    }
  }

  private async importFile(job: SyncJobEntity, params: SourceImportParams, context: JobRunContext): Promise<void> {
    const { progress, signal } = context;
    const source = await this.deps.db.getRepository(SourceEntity).findOneBy({ id: params.sourceId });
    if (!source) throw new DomainError('NOT_FOUND', `Source ${params.sourceId} no longer exists`);
    const importer = this.deps.importers.get(source.format);
    const ledger = new SourceFileLedger(this.deps.db.manager);
    const file = await ledger.claim(params.fileId, job.id);
    if (!file) {
      progress.setResult({ skipped: 'the file was no longer waiting to be imported' });
      return;
    }
    let folder: RemoteFolder | undefined;
    let download: ResumableDownload | undefined;
    try {
      progress.setPhase('connecting');
      folder = await openSourceFolder(source, this.deps, signal);
      const now = await folder.stat(file.path);
      if (!now || now.size !== Number(file.size) || now.modifiedAt.getTime() !== file.modifiedAt.getTime()) {
        await ledger.changed(file.id, now);
        progress.setResult({ file: file.name, skipped: now ? 'the file changed since it was listed; it will be imported once stable' : 'the file is gone' });
        return;
      }
      download = new ResumableDownload(folder, { path: file.path, size: Number(file.size), modifiedAt: file.modifiedAt }, {
        ...this.deps.download,
        signal,
        onResume: (offset, error) => context.log.warn({ file: file.path, offset, reason: error.message }, 'download cut; resuming'),
      });
      progress.setPhase('reading');
      const outcome = await this.feed(importer, source, file, download, { ...context, job });
      if (outcome === 'duplicate') {
        progress.setResult({ file: file.name, skipped: 'the same bytes of this file were imported before' });
        return;
      }
      const sha256 = download.digest();
      if ((await ledger.markImported(file.id, sha256, download.resumes)) === 'duplicate') {
        progress.issue({ severity: IssueSeverity.WARNING, code: 'source.file.duplicate', message: 'The same bytes were imported meanwhile by another job', file: file.name });
      }
      const disposition = await this.dispose(folder, source, file, ledger, context);
      progress.setResult({
        file: file.name,
        businessDate: file.businessDate,
        bytes: download.bytes,
        sha256: sha256.toString('hex'),
        resumes: download.resumes,
        disposition,
      });
    } catch (error) {
      await this.recordFailure(ledger, file, folder, download, error, signal);
      throw connectionError(error);
    } finally {
      await folder?.close();
    }
  }

  /** Hands the bytes to the importer as it wants them; `duplicate` when spooling showed known content. */
  private async feed(
    importer: FormatImporter,
    source: SourceEntity,
    file: SourceFileEntity,
    download: ResumableDownload,
    context: ImportContext,
  ): Promise<'imported' | 'duplicate'> {
    const info = {
      name: file.name,
      remotePath: file.path,
      size: Number(file.size),
      businessDate: file.businessDate,
      sourceId: source.id,
      sourceLabel: source.name,
    };
    switch (importer.input) {
      case 'stream': {
        const stream = download.stream();
        await importer.import({ ...info, stream }, source.formatOptions, context);
        // The digest must cover the whole file even if the importer stopped reading early.
        await download.finish(stream);
        return 'imported';
      }
      case 'file': {
        const dir = await mkdtemp(path.join(os.tmpdir(), 'learngraph-source-'));
        const local = path.join(dir, path.basename(file.name));
        try {
          await pipeline(download.stream(), createWriteStream(local, { mode: 0o600 }), { signal: context.signal });
          const sha256 = download.digest();
          if ((await new SourceFileLedger(this.deps.db.manager).recordDigest(file.id, sha256)) === 'duplicate') return 'duplicate';
          await importer.import({ ...info, path: local, sha256 }, source.formatOptions, context);
          return 'imported';
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
      default:
        return assertNever(importer);
    }
  }

  /** Leaves, archives or deletes the imported file; a failure here is a warning, the import stands. */
  private async dispose(
    folder: RemoteFolder,
    source: SourceEntity,
    file: SourceFileEntity,
    ledger: SourceFileLedger,
    context: JobRunContext,
  ): Promise<FileDisposition | null> {
    const action = source.processedAction as ProcessedFileAction;
    try {
      switch (action) {
        case ProcessedFileAction.LEAVE:
          await ledger.disposed(file.id, FileDisposition.LEFT, null, null);
          return FileDisposition.LEFT;
        case ProcessedFileAction.ARCHIVE: {
          const to = await folder.archive(file.path, source.archiveFolder ?? 'archive');
          await ledger.disposed(file.id, FileDisposition.ARCHIVED, to, null);
          return FileDisposition.ARCHIVED;
        }
        case ProcessedFileAction.DELETE:
          await folder.remove(file.path);
          await ledger.disposed(file.id, FileDisposition.DELETED, null, null);
          return FileDisposition.DELETED;
        default:
          return assertNever(action);
      }
    } catch (error) {
      const message = `Imported, but could not ${action === ProcessedFileAction.ARCHIVE ? 'archive' : 'delete'} the file: ${(error as Error).message}`;
      await ledger.disposed(file.id, FileDisposition.LEFT, null, message);
      context.progress.issue({ severity: IssueSeverity.WARNING, code: 'source.file.disposition', message, file: file.name });
      return null;
    }
  }

  private async recordFailure(
    ledger: SourceFileLedger,
    file: SourceFileEntity,
    folder: RemoteFolder | undefined,
    download: ResumableDownload | undefined,
    error: unknown,
    signal: AbortSignal,
  ): Promise<void> {
    if (signal.aborted) {
      // Cancelled: the file waits for the next sync. Shut down: the row stays ours, and the
      // queue's retry of this job takes it back.
      const reason: unknown = signal.reason;
      if (reason instanceof DomainError) await ledger.release(file.id);
      return;
    }
    if (error instanceof FileChangedError && folder) {
      await ledger.changed(file.id, await folder.stat(file.path).catch(() => null));
      return;
    }
    const failure = connectionError(error);
    await ledger.markFailed(file.id, failure instanceof Error ? failure.message : String(failure), download?.resumes ?? 0);
  }
}
