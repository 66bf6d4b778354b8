import type { QueryRunner } from 'typeorm';
import type { CsvContract } from '../csv/csv-contract';
import { CsvRow } from '../csv/csv-row';
import { HeaderMap } from '../csv/header-map';
import { readCsv, type CsvReader } from '../csv/read-csv';
import { error as errorDiagnostic, IssueSeverity, type Diagnostic } from '../diagnostic';
import { FileError } from '../file-error';
import type { IngestPackage, PackageEntry } from '../package/package';
import { COPY_CHUNK_CHARS, copyText, stagingRowText } from '../staging/copy-rows';
import { UnencodableValueError } from '../staging/copy-text';
import { createStagingTable, type StagingTable } from '../staging/staging-table';
import { IngestPhase, type IngestProgress } from './ingest-progress';
import type { RowValidator } from './row-validator';

/** How to read one file of a package and where its rows go. */
export interface StageFileSpec {
  /** The entry's name in the package (`users.csv`). */
  readonly entry: string;
  readonly contract: CsvContract;
  readonly staging: StagingTable;
  readonly validate: RowValidator;
  /**
   * Hears the key (`contract.keyColumn`) of every rejected row, from the parser or the
   * validator: formats that delete what a full file no longer lists must not delete these.
   */
  readonly onRejected?: (key: string, line: number) => void;
}

export interface StageContext {
  /** Connected and inside the import's transaction; staging tables live and die with it. */
  readonly queryRunner: QueryRunner;
  readonly progress: IngestProgress;
  /** Aborting stops reading and fails the copy (and so the transaction). */
  readonly signal: AbortSignal;
}

export interface StagedFile {
  readonly entry: string;
  readonly table: string;
  /** How the file's columns matched the contract (extension columns included). */
  readonly header: HeaderMap;
  /** Data rows read (staged + rejected). */
  readonly rowsRead: number;
  readonly rowsStaged: number;
  readonly rowsRejected: number;
  readonly warnings: number;
}

/** Report progress and look at the abort signal once per this many rows. */
const PROGRESS_EVERY = 1_000;

/**
 * Stages every file of `files` from `pkg`: finds them all, checks all their headers (so a bad
 * header in the last file fails before minutes of loading the first), then streams each
 * file's rows through its validator into its staging table. Row problems become job issues;
 * a FileError fails the whole import. The set-based apply is the caller's, in the same
 * transaction, reading the staging tables.
 */
export async function stagePackage(pkg: IngestPackage, files: readonly StageFileSpec[], ctx: StageContext): Promise<StagedFile[]> {
  ctx.progress.setPhase(IngestPhase.READING);
  const entries = files.map((spec) => {
    const entry = pkg.entry(spec.entry);
    if (!entry) throw new FileError('package.entry.missing', `${pkg.label} has no file "${spec.entry}"`, { file: spec.entry });
    return entry;
  });
  ctx.progress.setPhase(IngestPhase.VALIDATING);
  const headers: HeaderMap[] = [];
  for (const [i, spec] of files.entries()) {
    ctx.signal.throwIfAborted();
    headers.push(await checkHeader(entries[i] as PackageEntry, spec, ctx));
  }
  ctx.progress.setPhase(IngestPhase.LOADING);
  const staged: StagedFile[] = [];
  for (const [i, spec] of files.entries()) {
    ctx.signal.throwIfAborted();
    staged.push(await loadFile(entries[i] as PackageEntry, spec, headers[i] as HeaderMap, ctx));
  }
  return staged;
}

/** The one-file form of stagePackage, for formats delivered as single files. */
export async function stageFile(entry: PackageEntry, spec: StageFileSpec, ctx: StageContext): Promise<StagedFile> {
  ctx.progress.setPhase(IngestPhase.VALIDATING);
  const header = await checkHeader(entry, spec, ctx);
  ctx.progress.setPhase(IngestPhase.LOADING);
  return loadFile(entry, spec, header, ctx);
}

async function open(entry: PackageEntry, contract: CsvContract): Promise<CsvReader> {
  return readCsv(await entry.open(), {
    file: entry.name,
    multiline: contract.multiline ?? true,
    trailingEmptyFields: contract.trailingEmptyFields ?? 'reject',
  });
}

async function checkHeader(entry: PackageEntry, spec: StageFileSpec, ctx: StageContext): Promise<HeaderMap> {
  const reader = await open(entry, spec.contract);
  try {
    const header = HeaderMap.check(reader.header, spec.contract, entry.name, reader.headerLine);
    for (const warning of header.warnings) ctx.progress.issue(warning);
    return header;
  } finally {
    reader.close();
  }
}

async function loadFile(entry: PackageEntry, spec: StageFileSpec, header: HeaderMap, ctx: StageContext): Promise<StagedFile> {
  await createStagingTable(ctx.queryRunner, spec.staging);
  const reader = await open(entry, spec.contract);
  const counts = { read: 0, rejected: 0, warnings: header.warnings.length };
  const report = (diagnostic: Diagnostic): void => {
    if (diagnostic.severity === IssueSeverity.WARNING) counts.warnings++;
    ctx.progress.issue(diagnostic);
  };
  const reject = (diagnostics: readonly Diagnostic[]): void => {
    counts.rejected++;
    ctx.progress.addCounts({ rejected: 1 });
    diagnostics.forEach(report);
  };
  try {
    const chunks = copyChunks(reader, spec, header, ctx, counts, report, reject);
    const staged = await copyText(ctx.queryRunner, spec.staging, chunks, ctx.signal);
    return { entry: entry.name, table: spec.staging.table, header, rowsRead: counts.read, rowsStaged: staged, rowsRejected: counts.rejected, warnings: counts.warnings };
  } finally {
    reader.close();
  }
}

/**
 * The file's rows, validated and encoded as COPY text, in chunks. Works through each batch
 * the reader hands over without awaiting, so a row costs its parsing and checks, not a trip
 * through the event loop.
 */
async function* copyChunks(
  reader: CsvReader,
  spec: StageFileSpec,
  header: HeaderMap,
  ctx: StageContext,
  counts: { read: number },
  report: (diagnostic: Diagnostic) => void,
  reject: (diagnostics: readonly Diagnostic[]) => void,
): AsyncGenerator<string> {
  const keyPosition = spec.contract.keyColumn ? (header.positions[header.indexOf(spec.contract.keyColumn)] ?? -1) : -1;
  let unreported = 0;
  let chunk = '';
  try {
    for await (const items of reader.batches()) {
      for (const item of items) {
        counts.read++;
        if (++unreported === PROGRESS_EVERY) {
          ctx.progress.advance(unreported);
          unreported = 0;
          ctx.signal.throwIfAborted();
        }
        if (item.kind === 'problem') {
          const key = keyPosition === -1 ? undefined : item.values?.[keyPosition];
          reject([key ? { ...item.diagnostic, recordKey: key } : item.diagnostic]);
          if (key) spec.onRejected?.(key, item.line);
          continue;
        }
        if (item.warning) report(item.warning);
        const outcome = spec.validate(new CsvRow(reader.file, item.line, item.values, header));
        if ('rejected' in outcome) {
          if (!outcome.rejected.some((d) => d.severity === IssueSeverity.ERROR)) {
            throw new Error(`the validator for ${reader.file} rejected line ${item.line} without an ERROR diagnostic`);
          }
          reject(outcome.rejected);
          const key = keyPosition === -1 ? undefined : item.values[keyPosition];
          if (key) spec.onRejected?.(key, item.line);
          continue;
        }
        outcome.warnings?.forEach(report);
        try {
          chunk += stagingRowText(spec.staging, { line: item.line, values: outcome.values });
        } catch (error) {
          if (!(error instanceof UnencodableValueError)) throw error;
          reject([errorDiagnostic('ingest.value.nul', 'a value contains a NUL character, which cannot be stored; remove it', { file: reader.file, line: item.line })]);
          // A key with the NUL in it names no stored record (none can hold one): nothing to keep.
          const key = keyPosition === -1 ? undefined : item.values[keyPosition];
          if (key && !key.includes('\0')) spec.onRejected?.(key, item.line);
        }
      }
      if (chunk.length >= COPY_CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk.length > 0) yield chunk;
  } finally {
    ctx.progress.advance(unreported);
  }
}
