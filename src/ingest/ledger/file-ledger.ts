import type { EntityManager } from 'typeorm';
import { DomainError } from '../../shared/domain-error';
import { IngestFileEntity } from './ingest-file.entity';
import { IngestFileStatus } from './ingest-file-status';

export interface IncomingFile {
  readonly sha256: Buffer;
  readonly name: string;
  readonly size: number;
  readonly format: string;
  readonly sourceLabel: string;
  readonly sourceId?: string | null;
  readonly jobId?: string | null;
}

/** A ledger row that applied some content. */
export interface AppliedFile {
  readonly fileId: string;
  readonly jobId: string | null;
  readonly name: string;
  readonly appliedAt: Date;
}

export interface FileReceipt {
  /** This delivery's ledger row. */
  readonly fileId: string;
  /** `received` (go on and import) or `duplicate` (stop: it would change nothing). */
  readonly status: IngestFileStatus.RECEIVED | IngestFileStatus.DUPLICATE;
  /** For a duplicate, the earlier file that applied the same content, and its job. */
  readonly previous: AppliedFile | null;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Records every delivered file and answers "was this exact content, read as this format,
 * applied before, and by which job?". The unique index on applied content makes the answer
 * hold under concurrency: of two workers importing the same file, one applies it and the
 * other fails with DUPLICATE_FILE and rolls back.
 */
export class FileLedger {
  /** `manager` should be the DataSource's own, not a transaction's: receipts must outlive a rolled-back import. */
  constructor(private readonly manager: EntityManager) {}

  async findApplied(sha256: Buffer, format: string): Promise<AppliedFile | null> {
    const row = await this.manager.getRepository(IngestFileEntity).findOneBy({ sha256, format, status: IngestFileStatus.APPLIED });
    return row ? { fileId: row.id, jobId: row.jobId, name: row.name, appliedAt: row.appliedAt as Date } : null;
  }

  /** Records a delivery; says whether it is new content or a duplicate of an applied file. */
  async receive(file: IncomingFile): Promise<FileReceipt> {
    const previous = await this.findApplied(file.sha256, file.format);
    const status = previous ? IngestFileStatus.DUPLICATE : IngestFileStatus.RECEIVED;
    const inserted = await this.manager
      .createQueryBuilder()
      .insert()
      .into(IngestFileEntity)
      .values({
        sha256: file.sha256,
        name: file.name,
        size: String(file.size),
        format: file.format,
        sourceLabel: file.sourceLabel,
        sourceId: file.sourceId ?? null,
        jobId: file.jobId ?? null,
        status,
        duplicateOf: previous?.fileId ?? null,
      })
      .returning(['id'])
      .execute();
    const fileId = String((inserted.raw as { id: string }[])[0]?.id);
    return { fileId, status, previous };
  }

  /**
   * Marks the file applied. Call it first inside the transaction that applies the rows: a
   * concurrent import of the same content then waits here and, once this one commits, fails
   * with DUPLICATE_FILE before doing any work; if this one rolls back, the mark goes with it.
   */
  async markApplied(fileId: string, transaction: EntityManager, options: { snapshot?: boolean } = {}): Promise<void> {
    try {
      if (options.snapshot) {
        // Each file of a snapshot format states the whole current state: once another applies,
        // an earlier one describes the past, and sending it again is a change, not a duplicate.
        await transaction.query(
          `update ingest_file set status = $3 where status = $2 and id <> $1 and format = (select format from ingest_file where id = $1)`,
          [fileId, IngestFileStatus.APPLIED, IngestFileStatus.SUPERSEDED],
        );
      }
      await transaction.query(`update ingest_file set status = $2, applied_at = now() where id = $1`, [fileId, IngestFileStatus.APPLIED]);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== UNIQUE_VIOLATION) throw error;
      // The winner is looked up outside the failed transaction, and only to word the message.
      const winner = await this.winnerOf(fileId).catch(() => null);
      throw new DomainError(
        'DUPLICATE_FILE',
        winner
          ? `the same content was applied meanwhile by job ${winner.jobId ?? '?'} (${winner.name}); nothing was changed`
          : 'the same content was applied meanwhile by another import; nothing was changed',
        { previousJobId: winner?.jobId ?? null },
      );
    }
  }

  private async winnerOf(fileId: string): Promise<AppliedFile | null> {
    const row = await this.manager.getRepository(IngestFileEntity).findOneByOrFail({ id: fileId });
    return this.findApplied(row.sha256, row.format);
  }

  /** The import failed or was cancelled: nothing applied, the same file may come again. */
  async markFailed(fileId: string): Promise<void> {
    await this.manager.query(`update ingest_file set status = $2 where id = $1 and status = $3`, [fileId, IngestFileStatus.FAILED, IngestFileStatus.RECEIVED]);
  }
}
