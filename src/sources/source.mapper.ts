import { toGlobalId } from '../graphql/relay/global-id';
import { nextRun } from './schedule-spec';
import type { FileDisposition, SourceFileStatus } from './source-file-status';
import type { ProcessedFileAction, SourceFormat, SourceKind } from './source-enums';
import { SourceFile } from './source-file.type';
import type { SourceTestReport } from './source-tester';
import { SourceTestFailure, SourceTestFile, SourceTestResult } from './source-test.type';
import { Source, SourceSchedule } from './source.type';
import type { SourceFileEntity } from './source-file.entity';
import type { SourceEntity } from './source.entity';

/** The only way a source reaches the graph: secrets become two booleans. */
export function toSource(e: SourceEntity): Source {
  return Object.assign(new Source(), {
    id: toGlobalId('Source', e.id),
    localId: e.id,
    name: e.name,
    kind: e.kind as SourceKind,
    format: e.format as SourceFormat,
    host: e.host,
    port: e.port,
    username: e.username,
    hasPassword: e.passwordEnc !== null,
    hasPrivateKey: e.privateKeyEnc !== null,
    hostKeyFingerprint: e.hostKeyFingerprint,
    folder: e.folder,
    filePatterns: [...e.filePatterns],
    schedule: e.scheduleCron
      ? Object.assign(new SourceSchedule(), { cron: e.scheduleCron, timeZone: e.timeZone, nextRunAt: nextRun(e.scheduleCron, e.timeZone) })
      : null,
    timeZone: e.timeZone,
    lookbackDays: e.lookbackDays,
    settleSeconds: e.settleSeconds,
    processedAction: e.processedAction as ProcessedFileAction,
    archiveFolder: e.archiveFolder,
    formatOptions: e.formatOptions,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  });
}

/** Ledger rows come from raw SQL (snake_case) in connections. */
export function toSourceFile(row: Record<string, unknown>): SourceFile {
  const sha = row['sha256'] as Buffer | null;
  return Object.assign(new SourceFile(), {
    id: toGlobalId('SourceFile', String(row['id'])),
    localId: String(row['id']),
    sourceLocalId: String(row['source_id']),
    jobLocalId: row['job_id'] === null ? null : String(row['job_id']),
    name: String(row['name']),
    path: String(row['path']),
    size: Number(row['size']),
    modifiedAt: row['modified_at'] as Date,
    businessDate: (row['business_date'] as string | null) ?? null,
    status: row['status'] as SourceFileStatus,
    sha256: sha ? sha.toString('hex') : null,
    attempts: Number(row['attempts']),
    resumes: Number(row['resumes']),
    error: (row['error'] as string | null) ?? null,
    disposition: (row['disposition'] as FileDisposition | null) ?? null,
    archivedPath: (row['archived_path'] as string | null) ?? null,
    dispositionError: (row['disposition_error'] as string | null) ?? null,
    firstSeenAt: row['first_seen_at'] as Date,
    lastSeenAt: row['last_seen_at'] as Date,
    stableAt: (row['stable_at'] as Date | null) ?? null,
    importedAt: (row['imported_at'] as Date | null) ?? null,
  });
}

export function toSourceTestResult(r: SourceTestReport): SourceTestResult {
  return Object.assign(new SourceTestResult(), {
    ...r,
    failure: r.failure ? Object.assign(new SourceTestFailure(), r.failure) : null,
    files: r.files.map((f) => Object.assign(new SourceTestFile(), f)),
  });
}

export function sourceFileFromEntity(e: SourceFileEntity): SourceFile {
  return toSourceFile({
    id: e.id,
    source_id: e.sourceId,
    job_id: e.jobId,
    name: e.name,
    path: e.path,
    size: e.size,
    modified_at: e.modifiedAt,
    business_date: e.businessDate,
    status: e.status,
    sha256: e.sha256,
    attempts: e.attempts,
    resumes: e.resumes,
    error: e.error,
    disposition: e.disposition,
    archived_path: e.archivedPath,
    disposition_error: e.dispositionError,
    first_seen_at: e.firstSeenAt,
    last_seen_at: e.lastSeenAt,
    stable_at: e.stableAt,
    imported_at: e.importedAt,
  });
}
