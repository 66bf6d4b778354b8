import type { EntityManager } from 'typeorm';
import { FileDisposition, OPEN_STATUSES, SourceFileStatus } from '../source-file-status';
import { SourceFileEntity } from '../source-file.entity';

/** A listed file that matched the source's patterns and lies inside its window. */
export interface ListedFile {
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly modifiedAt: Date;
  readonly businessDate: string | null;
}

export interface Observation {
  /** Rows new in the ledger (first listing of this version). */
  readonly seen: number;
  /** Rows whose size or mtime moved since the last listing: their wait starts again. */
  readonly changed: number;
  /** Rows that became STABLE with this listing. */
  readonly stabilized: number;
  /** Rows still waiting for a second listing with the same size. */
  readonly waiting: number;
}

/** Import attempts a version gets (one per sync) before it is left FAILED for people to look at. */
export const MAX_ATTEMPTS = 3;

const OPEN = OPEN_STATUSES as readonly string[];

/**
 * The per-source file ledger. Listing twice with the same size and mtime makes a file STABLE;
 * only STABLE files are queued; a claim moves one row to IMPORTING for exactly one job; and
 * the unique indexes on the table keep both "one open row per path" and "each content of a
 * path imported once" true under any concurrency.
 */
export class SourceFileLedger {
  constructor(private readonly em: EntityManager) {}

  /** Applies one listing to the ledger. */
  async observe(sourceId: string, files: readonly ListedFile[]): Promise<Observation> {
    const rows = await this.em
      .getRepository(SourceFileEntity)
      .createQueryBuilder('f')
      .where('f.source_id = :sourceId', { sourceId })
      .andWhere('f.path = any(:paths)', { paths: files.map((f) => f.path) })
      .orderBy('f.id', 'DESC')
      .getMany();
    const open = new Map<string, SourceFileEntity>();
    const lastClosed = new Map<string, SourceFileEntity>();
    for (const row of rows) {
      if (OPEN.includes(row.status)) open.set(row.path, row);
      else if (!lastClosed.has(row.path)) lastClosed.set(row.path, row);
    }
    let seen = 0;
    let changed = 0;
    let stabilized = 0;
    let waiting = 0;
    const touched: string[] = [];
    for (const file of files) {
      const row = open.get(file.path);
      if (row) {
        touched.push(row.id);
        if (row.status === SourceFileStatus.IMPORTING) continue;
        if (!sameVersion(row, file)) {
          await this.em.query(
            `update source_file set size = $2, modified_at = $3, business_date = $4, status = 'SEEN', stable_at = null, sha256 = null,
               attempts = 0, error = null, updated_at = now() where id = $1`,
            [row.id, file.size, file.modifiedAt, file.businessDate],
          );
          changed += 1;
          waiting += 1;
        } else if (row.status === SourceFileStatus.SEEN) {
          await this.em.query(`update source_file set status = 'STABLE', stable_at = now(), updated_at = now() where id = $1 and status = 'SEEN'`, [row.id]);
          stabilized += 1;
        }
        continue;
      }
      const closed = lastClosed.get(file.path);
      if (closed && sameVersion(closed, file)) continue; // imported (or skipped) exactly as it is now
      const inserted = (await this.em.query(
        `insert into source_file (source_id, path, name, size, modified_at, business_date, status)
         values ($1, $2, $3, $4, $5, $6, 'SEEN')
         on conflict (source_id, path) where status in ('SEEN', 'STABLE', 'IMPORTING', 'FAILED') do nothing returning id`,
        [sourceId, file.path, file.name, file.size, file.modifiedAt, file.businessDate],
      )) as { id: string }[];
      if (inserted.length > 0) {
        seen += 1;
        waiting += 1;
      }
    }
    if (touched.length > 0) await this.em.query(`update source_file set last_seen_at = now() where id = any($1::bigint[])`, [touched]);
    return { seen, changed, stabilized, waiting };
  }

  /**
   * A job that died mid-import (crash, deploy) leaves its row IMPORTING; its transaction rolled
   * back, so the file counts as failed once and is tried again.
   */
  async releaseAbandoned(sourceId: string): Promise<number> {
    const result = (await this.em.query(
      `update source_file f set status = 'FAILED', error = 'the import was interrupted', updated_at = now()
       where f.source_id = $1 and f.status = 'IMPORTING'
         and not exists (select 1 from sync_job j where j.id = f.job_id and j.status in ('QUEUED', 'RUNNING'))`,
      [sourceId],
    )) as [unknown[], number];
    return result[1];
  }

  /** FAILED versions still on the server get another go, up to MAX_ATTEMPTS. */
  async retryFailed(sourceId: string, paths: readonly string[]): Promise<number> {
    const result = (await this.em.query(
      `update source_file set status = 'STABLE', updated_at = now()
       where source_id = $1 and status = 'FAILED' and attempts < $2 and path = any($3::text[])`,
      [sourceId, MAX_ATTEMPTS, paths],
    )) as [unknown[], number];
    return result[1];
  }

  /** STABLE rows of paths that were imported before with the same size: their bytes need a look. */
  async suspectedRepeats(sourceId: string): Promise<{ id: string; path: string; size: string; modifiedAt: Date }[]> {
    return (await this.em.query(
      `select f.id, f.path, f.size, f.modified_at as "modifiedAt" from source_file f
       where f.source_id = $1 and f.status = 'STABLE' and f.sha256 is null
         and exists (select 1 from source_file i where i.source_id = f.source_id and i.path = f.path and i.status = 'IMPORTED' and i.size = f.size)`,
      [sourceId],
    )) as { id: string; path: string; size: string; modifiedAt: Date }[];
  }

  /** Records the bytes' digest; if that content of the path was imported already, the row becomes DUPLICATE. */
  async recordDigest(fileId: string, sha256: Buffer): Promise<'duplicate' | 'new'> {
    const rows = (await this.em.query(
      `with original as (
         select i.id from source_file i join source_file f on f.id = $1
         where i.source_id = f.source_id and i.path = f.path and i.status = 'IMPORTED' and i.sha256 = $2 limit 1)
       update source_file set sha256 = $2,
         status = case when exists (select 1 from original) then 'DUPLICATE' else status end,
         duplicate_of = (select id from original), updated_at = now()
       where id = $1 returning status`,
      [fileId, sha256],
    )) as [{ status: string }[], number];
    return rows[0][0]?.status === SourceFileStatus.DUPLICATE ? 'duplicate' : 'new';
  }

  /** Files ready to import, in no particular order (the caller orders them by business date). */
  async ready(sourceId: string): Promise<SourceFileEntity[]> {
    return this.em.getRepository(SourceFileEntity).findBy({ sourceId, status: SourceFileStatus.STABLE });
  }

  /**
   * Takes a STABLE row for one import job. Only one job can win; a job retried after a crash
   * may take back its own row.
   */
  async claim(fileId: string, jobId: string): Promise<SourceFileEntity | null> {
    const rows = (await this.em.query(
      `update source_file set status = 'IMPORTING', job_id = $2, attempts = attempts + 1, error = null, updated_at = now()
       where id = $1 and (status = 'STABLE' or (status = 'IMPORTING' and job_id = $2)) returning id`,
      [fileId, jobId],
    )) as [{ id: string }[], number];
    if (rows[0].length === 0) return null;
    return this.em.getRepository(SourceFileEntity).findOneBy({ id: fileId });
  }

  /**
   * The file was imported. Should the same bytes of the path have been imported meanwhile (the
   * unique index says so), the row is a DUPLICATE instead.
   */
  async markImported(fileId: string, sha256: Buffer, resumes: number): Promise<'imported' | 'duplicate'> {
    try {
      await this.em.query(
        `update source_file set status = 'IMPORTED', sha256 = $2, resumes = $3, imported_at = now(), error = null, updated_at = now() where id = $1`,
        [fileId, sha256, resumes],
      );
      return 'imported';
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== '23505') throw error;
      await this.recordDigest(fileId, sha256);
      return 'duplicate';
    }
  }

  async markFailed(fileId: string, message: string, resumes: number): Promise<void> {
    await this.em.query(`update source_file set status = 'FAILED', error = $2, resumes = $3, updated_at = now() where id = $1`, [
      fileId,
      message.slice(0, 2_000),
      resumes,
    ]);
  }

  /** Cancelled: nothing was applied and nothing went wrong with the file; it waits for the next sync. */
  async release(fileId: string): Promise<void> {
    await this.em.query(`update source_file set status = 'STABLE', attempts = greatest(attempts - 1, 0), updated_at = now() where id = $1`, [
      fileId,
    ]);
  }

  /** The file moved on the server since it was listed: it must settle again. */
  async changed(fileId: string, now: { size: number; modifiedAt: Date } | null): Promise<void> {
    if (!now) {
      await this.markFailed(fileId, 'the file disappeared from the server before it was read', 0);
      return;
    }
    await this.em.query(
      `update source_file set status = 'SEEN', size = $2, modified_at = $3, stable_at = null, sha256 = null,
         attempts = greatest(attempts - 1, 0), updated_at = now() where id = $1`,
      [fileId, now.size, now.modifiedAt],
    );
  }

  async disposed(fileId: string, disposition: FileDisposition, archivedPath: string | null, error: string | null): Promise<void> {
    await this.em.query(
      `update source_file set disposition = $2, archived_path = $3, disposition_error = $4, updated_at = now() where id = $1`,
      [fileId, error ? null : disposition, archivedPath, error],
    );
  }

  async assignJob(fileId: string, jobId: string): Promise<void> {
    await this.em.query(`update source_file set job_id = $2, updated_at = now() where id = $1`, [fileId, jobId]);
  }
}

function sameVersion(row: SourceFileEntity, file: ListedFile): boolean {
  return Number(row.size) === file.size && row.modifiedAt.getTime() === file.modifiedAt.getTime();
}
