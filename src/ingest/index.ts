/**
 * The import pipeline every format shares, and its public face: importers import from here.
 * It knows no format: formats bring their CSV contracts, validators and set-based apply.
 *
 *   openPackage(path) → digestPackage + FileLedger.receive (skip duplicates)
 *   → in one transaction: FileLedger.markApplied, stagePackage(pkg, files, ctx), apply in SQL
 */
export { describePlace, error, warning, IssueSeverity, type Diagnostic, type Where } from './diagnostic';
export { FileError, isFileError } from './file-error';

export { openPackage } from './package/open-package';
export { DEFAULT_PACKAGE_LIMITS, packageLimits, type PackageLimits } from './package/limits';
export type { IngestPackage, PackageEntry, PackageKind } from './package/package';

export type { CsvContract } from './csv/csv-contract';
export type { CsvItem, CsvProblem, CsvRecord } from './csv/csv-item';
export { CsvRow } from './csv/csv-row';
export { HeaderMap, type ExtensionColumn } from './csv/header-map';
export { readCsv, type CsvReader, type CsvReadOptions } from './csv/read-csv';

export { copyRows, type CopyRowsOptions, type StagingRow } from './staging/copy-rows';
export { copyTextField, copyTextRow, UnencodableValueError } from './staging/copy-text';
export { pgClientOf } from './staging/pg-client';
export { createStagingTable, LINE_COLUMN, quoteIdentifier, type StagingTable } from './staging/staging-table';

export { FileLedger, type AppliedFile, type FileReceipt, type IncomingFile } from './ledger/file-ledger';
export { IngestFileEntity } from './ledger/ingest-file.entity';
export { IngestFileStatus } from './ledger/ingest-file-status';
export { digestPackage } from './ledger/package-digest';
export { digestFile, digestStream, type ContentDigest } from './ledger/sha256';

export { CappedWarnings } from './pipeline/capped-warnings';
export { IngestPhase, type IngestProgress } from './pipeline/ingest-progress';
export { withResolvedReferences } from './pipeline/resolved-references';
export type { RowOutcome, RowValidator } from './pipeline/row-validator';
export { stageFile, stagePackage, type StageContext, type StagedFile, type StageFileSpec } from './pipeline/stage-files';

export { StoredUploadEntity } from './uploads/stored-upload.entity';
export { StoredUploadChunkEntity } from './uploads/stored-upload-chunk.entity';
export { UploadStore, type LocalCopy } from './uploads/upload-store';
export { ImportInputs, withImportFile, type ImportInputParams, type IncomingUpload, type ResolvedImportInput } from './uploads/import-input';
