import type { Readable } from 'node:stream';
import type { JobRunContext } from '../../jobs/job-handler';
import type { SyncJobEntity } from '../../jobs/sync-job.entity';

/** What every delivered file tells its importer about itself. */
interface SourceFileInfo {
  /** The file name as delivered (`SCORM20240102`). */
  readonly name: string;
  /** Where it was on the server or in the folder. */
  readonly remotePath: string;
  readonly size: number;
  /** `YYYY-MM-DD` from the name, when the source's pattern has a date. */
  readonly businessDate: string | null;
  readonly sourceId: string;
  /** The source's name, for labels and the ingest ledger. */
  readonly sourceLabel: string;
}

/** The bytes as they arrive: read it once, to the end (or throw). Never buffer it whole. */
export interface StreamedSourceFile extends SourceFileInfo {
  readonly stream: Readable;
}

/** A complete local copy, for formats that need random access (zip); removed afterwards. */
export interface SpooledSourceFile extends SourceFileInfo {
  readonly path: string;
  readonly sha256: Buffer;
}

/** The import job's context: progress, issues, cancellation, the database. */
export interface ImportContext extends JobRunContext {
  readonly job: SyncJobEntity;
}

interface ImporterBase {
  /** The SourceFormat it reads (`lms`, `oneroster`, ...). */
  readonly format: string;
  /** Whether it knows how to read a file of this name (after the source's patterns matched). */
  accepts(name: string): boolean;
  /** Checks a source's `formatOptions` when the source is saved; throws to refuse them. */
  validateOptions?(options: unknown): void;
}

/**
 * An importer for one format, fed by sources. Each call imports exactly one file, alone: it
 * applies all of it or nothing (throwing), reports row problems through `context.progress`,
 * and stops when `context.signal` aborts. Options are the source's `formatOptions`.
 */
export interface StreamImporter extends ImporterBase {
  readonly input: 'stream';
  import(file: StreamedSourceFile, options: Record<string, unknown>, context: ImportContext): Promise<void>;
}

export interface FileImporter extends ImporterBase {
  readonly input: 'file';
  import(file: SpooledSourceFile, options: Record<string, unknown>, context: ImportContext): Promise<void>;
}

export type FormatImporter = StreamImporter | FileImporter;
