import { toGlobalId } from '../graphql/relay/global-id';
import { IssueSeverity, SyncJobStatus } from './sync-job-status';
import type { SyncJobEntity } from './sync-job.entity';
import { EntityCounts, SyncJob, SyncJobCounts, SyncJobFailure, SyncJobIssue } from './sync-job.type';

export function toSyncJob(e: SyncJobEntity): SyncJob {
  const status = e.status as SyncJobStatus;
  const end = e.finishedAt ?? (e.startedAt ? new Date() : null);
  return Object.assign(new SyncJob(), {
    id: toGlobalId('SyncJob', e.id),
    localId: e.id,
    kind: e.kind,
    sourceLabel: e.sourceLabel,
    status,
    phase: e.phase,
    rowsDone: Number(e.rowsDone),
    rowsTotal: e.rowsTotal === null ? null : Number(e.rowsTotal),
    counts: Object.assign(new SyncJobCounts(), {
      added: e.added,
      updated: e.updated,
      deleted: e.deleted,
      unchanged: e.unchanged,
      rejected: e.rejected,
      warnings: e.warnings,
    }),
    entityCounts: Object.entries(e.entityCounts ?? {}).map(([entity, c]) =>
      Object.assign(new EntityCounts(), {
        entity,
        added: c['added'] ?? 0,
        updated: c['updated'] ?? 0,
        deleted: c['deleted'] ?? 0,
        unchanged: c['unchanged'] ?? 0,
        rejected: c['rejected'] ?? 0,
      }),
    ),
    failure: e.failureCode ? Object.assign(new SyncJobFailure(), { code: e.failureCode, message: e.failureMessage ?? '' }) : null,
    cancelRequested: e.cancelRequestedAt !== null && (status === SyncJobStatus.QUEUED || status === SyncJobStatus.RUNNING),
    queuedAt: e.queuedAt,
    startedAt: e.startedAt,
    finishedAt: e.finishedAt,
    updatedAt: e.updatedAt,
    durationMs: e.startedAt && end ? end.getTime() - e.startedAt.getTime() : null,
  });
}

/** Issue rows come from raw SQL (snake_case columns) in connections. */
export function toSyncJobIssue(row: Record<string, unknown>): SyncJobIssue {
  return Object.assign(new SyncJobIssue(), {
    id: toGlobalId('SyncJobIssue', String(row['id'])),
    severity: row['severity'] as IssueSeverity,
    code: String(row['code']),
    message: String(row['message']),
    file: (row['file'] as string | null) ?? null,
    line: (row['line'] as number | null) ?? null,
    column: (row['column'] as string | null) ?? null,
    recordKey: (row['record_key'] as string | null) ?? null,
  });
}
