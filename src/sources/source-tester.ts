import type { DataSource } from 'typeorm';
import type { SftpTuning } from '../ingest/sftp/sftp-session';
import { DomainError } from '../shared/domain-error';
import { FilePatterns } from './file-pattern';
import { type FolderDeps, openSourceFolder } from './folder/open-folder';
import type { ImporterRegistry } from './importers/importer-registry';
import { MAX_ATTEMPTS } from './ledger/source-file-ledger';
import { OPEN_STATUSES, SourceFileStatus } from './source-file-status';
import { SourceFileEntity } from './source-file.entity';
import type { SourceEntity } from './source.entity';
import { inImportOrder } from './sync/import-order';
import { type ScannedFile, scanFolder } from './sync/scan-folder';

/** What a sync would do with a file, as testSource reports it. */
export enum TestedFileStatus {
  NEW = 'NEW',
  WAITING = 'WAITING',
  READY = 'READY',
  IMPORTING = 'IMPORTING',
  IMPORTED = 'IMPORTED',
  DUPLICATE = 'DUPLICATE',
  FAILED = 'FAILED',
  OUTSIDE_WINDOW = 'OUTSIDE_WINDOW',
  UNSUPPORTED = 'UNSUPPORTED',
  UNSAFE_NAME = 'UNSAFE_NAME',
}

export interface TestedFile {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly modifiedAt: Date;
  readonly businessDate: string | null;
  readonly status: TestedFileStatus;
  /** A sync would import it (now, or once its size is stable). */
  readonly willImport: boolean;
}

export interface SourceTestReport {
  readonly ok: boolean;
  readonly failure: { readonly code: string; readonly message: string } | null;
  readonly presentedHostKeyFingerprint: string | null;
  readonly hostKeyVerified: boolean;
  readonly connectionAttempts: number;
  readonly importerInstalled: boolean;
  /** Matching files in import order: first those a sync would consider, then the rest. */
  readonly files: readonly TestedFile[];
  readonly ignoredFileCount: number;
}

/**
 * testSource: connects as a sync would (host key checked before any credential is sent),
 * lists, and says per file what a sync would do, from the ledger. Changes nothing. Connection
 * problems are the report's answer, not errors: that is what the button is for.
 */
export class SourceTester {
  constructor(
    private readonly db: DataSource,
    private readonly importers: ImporterRegistry,
    private readonly deps: FolderDeps,
  ) {}

  async test(source: SourceEntity): Promise<SourceTestReport> {
    // One quick retry: a person is waiting for the answer.
    const tuning: SftpTuning = { ...this.deps.sftpTuning, connectRetries: Math.min(1, this.deps.sftpTuning.connectRetries) };
    let folder;
    try {
      folder = await openSourceFolder(source, { ...this.deps, sftpTuning: tuning });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return {
        ok: false,
        failure: { code: error.code, message: error.message },
        presentedHostKeyFingerprint: (error.details['presentedFingerprint'] as string | null | undefined) ?? null,
        hostKeyVerified: false,
        connectionAttempts: (error.details['attempts'] as number | undefined) ?? 1,
        importerInstalled: this.importers.find(source.format) !== undefined,
        files: [],
        ignoredFileCount: 0,
      };
    }
    try {
      const importer = this.importers.find(source.format);
      const patterns = FilePatterns.compile(source.filePatterns);
      const scan = await scanFolder(folder, { filePatterns: patterns, timeZone: source.timeZone, lookbackDays: source.lookbackDays }, importer);
      const ledger = await this.ledgerOf(source.id, scan.candidates.map((f) => f.path));
      const order = (files: ScannedFile[]) => inImportOrder(files.map((f) => ({ ...f, id: '0' })), patterns, source.timeZone);
      const files: TestedFile[] = [
        ...order(scan.candidates).map((f) => {
          const { status, retry } = statusFromLedger(f, ledger.get(f.path) ?? []);
          return tested(f, status, retry);
        }),
        ...order(scan.outsideWindow).map((f) => tested(f, TestedFileStatus.OUTSIDE_WINDOW)),
        ...order(scan.unsupported).map((f) => tested(f, TestedFileStatus.UNSUPPORTED)),
        ...scan.unsafeNames.map((f) => tested({ ...f, businessDate: null, patternIndex: -1 }, TestedFileStatus.UNSAFE_NAME)),
      ];
      return {
        ok: true,
        failure: null,
        presentedHostKeyFingerprint: folder.fingerprint,
        hostKeyVerified: folder.fingerprint !== null,
        connectionAttempts: folder.attempts,
        importerInstalled: importer !== undefined,
        files,
        ignoredFileCount: scan.ignored,
      };
    } finally {
      await folder.close();
    }
  }

  private async ledgerOf(sourceId: string, paths: string[]): Promise<Map<string, SourceFileEntity[]>> {
    const rows = await this.db
      .getRepository(SourceFileEntity)
      .createQueryBuilder('f')
      .where('f.source_id = :sourceId and f.path = any(:paths)', { sourceId, paths })
      .orderBy('f.id', 'DESC')
      .getMany();
    const byPath = new Map<string, SourceFileEntity[]>();
    for (const row of rows) byPath.set(row.path, [...(byPath.get(row.path) ?? []), row]);
    return byPath;
  }
}

/** The ledger's view of a listed file; `retry` for a failed one that a sync would try again. */
function statusFromLedger(file: ScannedFile, rows: readonly SourceFileEntity[]): { status: TestedFileStatus; retry: boolean } {
  const open = rows.find((r) => (OPEN_STATUSES as readonly string[]).includes(r.status));
  const same = (r: SourceFileEntity) => Number(r.size) === file.size && r.modifiedAt.getTime() === file.modifiedAt.getTime();
  if (open) {
    if (!same(open)) return { status: TestedFileStatus.WAITING, retry: false };
    switch (open.status as SourceFileStatus) {
      case SourceFileStatus.SEEN:
        return { status: TestedFileStatus.WAITING, retry: false };
      case SourceFileStatus.STABLE:
        return { status: TestedFileStatus.READY, retry: false };
      case SourceFileStatus.IMPORTING:
        return { status: TestedFileStatus.IMPORTING, retry: false };
      default:
        return { status: TestedFileStatus.FAILED, retry: open.attempts < MAX_ATTEMPTS };
    }
  }
  const closed = rows.find((r) => !(OPEN_STATUSES as readonly string[]).includes(r.status));
  if (closed && same(closed)) {
    return { status: closed.status === SourceFileStatus.DUPLICATE ? TestedFileStatus.DUPLICATE : TestedFileStatus.IMPORTED, retry: false };
  }
  return { status: TestedFileStatus.NEW, retry: false };
}

function tested(file: ScannedFile, status: TestedFileStatus, retry = false): TestedFile {
  const willImport = retry || [TestedFileStatus.NEW, TestedFileStatus.WAITING, TestedFileStatus.READY, TestedFileStatus.IMPORTING].includes(status);
  return { name: file.name, path: file.path, size: file.size, modifiedAt: file.modifiedAt, businessDate: file.businessDate, status, willImport };
}
