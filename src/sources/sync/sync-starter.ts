import type { DataSource, EntityManager } from 'typeorm';
import type { SyncJobService } from '../../jobs/sync-job.service';
import { SyncJobEntity } from '../../jobs/sync-job.entity';
import { notFound } from '../../shared/domain-error';
import { fileDate } from '../business-window';
import { windowCutoff } from '../business-window';
import { FilePatterns } from '../file-pattern';
import { SourceFileLedger } from '../ledger/source-file-ledger';
import { SourceEntity } from '../source.entity';
import { inImportOrder } from './import-order';
import { SOURCE_IMPORT_KIND, SOURCE_SYNC_KIND, type SourceImportParams, type SourceSyncParams } from './job-kinds';

const KINDS = [SOURCE_SYNC_KIND, SOURCE_IMPORT_KIND];

/**
 * Starts a source's work, one piece at a time. A source has at most one job queued or running
 * (its sync, or one import of that sync's chain): every start takes the source row's lock,
 * looks for such a job and only then enqueues, so two `runSync`s, a schedule tick and a
 * finishing import can race without ever running the same source twice at once.
 */
export class SyncStarter {
  constructor(
    private readonly db: DataSource,
    private readonly syncJobs: SyncJobService,
  ) {}

  /**
   * Queues a sync of the source, or, when one is already under way (listing or importing),
   * returns that job instead of starting another.
   */
  async requestSync(sourceId: string, trigger: SourceSyncParams['trigger'], createdByKeyId: string | null): Promise<{ job: SyncJobEntity; started: boolean }> {
    return this.db.transaction(async (em) => {
      const source = await lockSource(em, sourceId);
      if (!source) throw notFound('Source', sourceId);
      const active = await activeJob(em, sourceId, []);
      if (active) return { job: active, started: false };
      const params: SourceSyncParams = { sourceId, trigger };
      const job = await this.syncJobs.enqueue({ kind: SOURCE_SYNC_KIND, sourceLabel: source.name, params: { ...params }, sourceId, createdByKeyId });
      return { job, started: true };
    });
  }

  /**
   * Queues the import of the source's next ready file in business-date order, unless some
   * other job of the source is active. The sync starts the chain; each import, when it ends,
   * starts the next; so files are imported one at a time, each alone, in date order, on
   * whichever worker is free. `runJobIds` are the jobs of this run that may still show as
   * running (the caller and its sync).
   */
  async startNextImport(sourceId: string, syncJobId: string, runJobIds: readonly string[]): Promise<SyncJobEntity | null> {
    return this.db.transaction(async (em) => {
      const source = await lockSource(em, sourceId);
      if (!source) return null;
      if (await activeJob(em, sourceId, runJobIds)) return null;
      const cutoff = windowCutoff(new Date(), source.timeZone, source.lookbackDays);
      const ready = (await new SourceFileLedger(em).ready(sourceId)).filter((f) => fileDate(f.businessDate, f.modifiedAt, source.timeZone) >= cutoff);
      const next = inImportOrder(ready, FilePatterns.compile(source.filePatterns), source.timeZone)[0];
      if (!next) return null;
      const params: SourceImportParams = { sourceId, fileId: next.id, syncJobId };
      const job = await this.syncJobs.enqueue({
        kind: SOURCE_IMPORT_KIND,
        sourceLabel: `${source.name}: ${next.name}`,
        params: { ...params },
        sourceId,
      });
      await new SourceFileLedger(em).assignJob(next.id, job.id);
      return job;
    });
  }
}

async function lockSource(em: EntityManager, sourceId: string): Promise<SourceEntity | null> {
  return em.getRepository(SourceEntity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :sourceId', { sourceId }).getOne();
}

async function activeJob(em: EntityManager, sourceId: string, except: readonly string[]): Promise<SyncJobEntity | null> {
  return em
    .getRepository(SyncJobEntity)
    .createQueryBuilder('j')
    .where('j.source_id = :sourceId', { sourceId })
    .andWhere('j.kind = any(:kinds)', { kinds: KINDS })
    .andWhere(`j.status in ('QUEUED', 'RUNNING')`)
    .andWhere('not (j.id = any(:except))', { except: [...except] })
    .orderBy('j.id', 'DESC')
    .getOne();
}
