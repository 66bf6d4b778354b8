import { registerEnumType } from 'type-graphql';

export enum SyncJobStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  COMPLETED_WITH_ERRORS = 'COMPLETED_WITH_ERRORS',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(SyncJobStatus, {
  name: 'SyncJobStatus',
  valuesConfig: {
    COMPLETED_WITH_ERRORS: { description: 'Applied, but some rows were rejected (see `errors`).' },
    FAILED: { description: 'Nothing was applied; `failure` says why.' },
  },
});

export const TERMINAL_STATUSES: readonly SyncJobStatus[] = [
  SyncJobStatus.SUCCEEDED,
  SyncJobStatus.COMPLETED_WITH_ERRORS,
  SyncJobStatus.FAILED,
  SyncJobStatus.CANCELLED,
];

export const isTerminal = (status: SyncJobStatus): boolean => TERMINAL_STATUSES.includes(status);

export enum IssueSeverity {
  ERROR = 'ERROR',
  WARNING = 'WARNING',
}

registerEnumType(IssueSeverity, {
  name: 'IssueSeverity',
  description: 'ERROR: the row was rejected and kept with its reason. WARNING: the row was imported as noted.',
});
