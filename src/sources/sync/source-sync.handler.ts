import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import type { JobHandler, JobRunContext } from '../../jobs/job-handler';
import type { ProgressReporter } from '../../jobs/progress-reporter';
import { IssueSeverity } from '../../jobs/sync-job-status';
import type { SyncJobEntity } from '../../jobs/sync-job.entity';
import { DomainError } from '../../shared/domain-error';
import { FilePatterns } from '../file-pattern';
import { type FolderDeps, openSourceFolder } from '../folder/open-folder';
import type { RemoteFolder } from '../folder/remote-folder';
import type { ImporterRegistry } from '../importers/importer-registry';
import { type Observation, SourceFileLedger } from '../ledger/source-file-ledger';
import { SourceEntity } from '../source.entity';
import type { SourceSyncParams } from './job-kinds';
import { type Scan, scanFolder, toListed } from './scan-folder';
import type { SyncStarter } from './sync-starter';

export interface SourceSyncDeps extends FolderDeps {
  readonly db: DataSource;
  readonly importers: ImporterRegistry;
  readonly starter: SyncStarter;
}

/**
 * `source.sync`: one run of a source. Lists the folder, waits `settleSeconds` and lists again
 * when something is new (a file counts as complete only once two listings agree on its size
 * and mtime; there is no done-marker), records every version in the ledger, spots files that
 * came back with bytes already imported, and then starts the import chain (see SyncStarter).
 *
 * Why a chain of one job per file rather than one job importing files in a loop: each file
 * then has its own SyncJob (its counts, its row errors, FAILED meaning "this file applied
 * nothing"), and a bad file does not hide the good ones; the chain keeps business-date order
 * and one-at-a-time per source, while any free worker picks up the next link. Backdated files
 * are never merged: each import reads exactly one file.
 */
export class SourceSyncHandler implements JobHandler {
  constructor(private readonly deps: SourceSyncDeps) {}

  async run(job: SyncJobEntity, context: JobRunContext): Promise<void> {
    const { sourceId } = job.params as unknown as SourceSyncParams;
    const { progress, signal } = context;
    const source = await this.deps.db.getRepository(SourceEntity).findOneBy({ id: sourceId });
    if (!source) throw new DomainError('NOT_FOUND', `Source ${sourceId} no longer exists`);
    const importer = this.deps.importers.get(source.format);
    const ledger = new SourceFileLedger(this.deps.db.manager);
    const settings = { filePatterns: FilePatterns.compile(source.filePatterns), timeZone: source.timeZone, lookbackDays: source.lookbackDays };

    const abandoned = await ledger.releaseAbandoned(sourceId);
    progress.setPhase('connecting');
    const folder = await openSourceFolder(source, this.deps, signal);
    let listed = 0;
    let duplicates = 0;
    let retried = 0;
    let scan: Scan;
    let first: Observation;
    let second: Observation | null = null;
    try {
      progress.setPhase('listing');
      scan = await scanFolder(folder, settings, importer);
      reportUnsafeNames(scan, progress);
      first = await ledger.observe(sourceId, toListed(scan.candidates));
      listed = scan.candidates.length;
      if (first.waiting > 0 && source.settleSeconds > 0) {
        // New or growing files: look again after a pause instead of waiting for the next run.
        progress.setPhase('settling');
        await sleep(source.settleSeconds * 1000, undefined, { signal });
        progress.setPhase('listing');
        scan = await scanFolder(folder, settings, importer);
        second = await ledger.observe(sourceId, toListed(scan.candidates));
        listed = scan.candidates.length;
      }
      retried = await ledger.retryFailed(sourceId, scan.candidates.map((f) => f.path));
      progress.setPhase('checking');
      duplicates = await this.skipRepeats(ledger, folder, sourceId, signal);
    } finally {
      await folder.close();
    }
    const waiting = (second ?? first).waiting;
    // Counted before the chain starts: its first import may take its row at once on another worker.
    const ready = await ledger.ready(sourceId);
    const next = await this.deps.starter.startNextImport(sourceId, job.id, [job.id]);
    progress.setResult({
      listed,
      ignored: scan.ignored,
      outsideWindow: scan.outsideWindow.length,
      unsupported: scan.unsupported.length,
      unsafeNames: scan.unsafeNames.length,
      waitingForStableSize: waiting,
      readyToImport: ready.length,
      duplicates,
      retried,
      abandoned,
      firstImportJobId: next?.id ?? null,
      connectionAttempts: folder.attempts,
    });
    progress.setPhase('done');
  }

  /**
   * A STABLE file whose path was imported before with the same size may be the same bytes
   * with a new mtime (touched, re-uploaded): hash it (streamed) and skip it if so. Different
   * sizes cannot be the same bytes and are left to import.
   */
  private async skipRepeats(ledger: SourceFileLedger, folder: RemoteFolder, sourceId: string, signal: AbortSignal): Promise<number> {
    let duplicates = 0;
    for (const suspect of await ledger.suspectedRepeats(sourceId)) {
      const size = Number(suspect.size);
      const hash = createHash('sha256');
      if (size > 0) {
        for await (const chunk of folder.read(suspect.path, 0, size - 1) as AsyncIterable<Buffer>) {
          signal.throwIfAborted();
          hash.update(chunk);
        }
      }
      if ((await ledger.recordDigest(suspect.id, hash.digest())) === 'duplicate') duplicates += 1;
    }
    return duplicates;
  }
}

/** One warning per unsafe name, quoted so control characters cannot forge a line of a report. */
function reportUnsafeNames(scan: Scan, progress: ProgressReporter): void {
  for (const file of scan.unsafeNames) {
    progress.issue({
      severity: IssueSeverity.WARNING,
      code: 'source.file.unsafe-name',
      message: 'The server listed a name with a path separator, "."/".." or control characters; the file was not read',
      file: JSON.stringify(file.name),
    });
  }
}
