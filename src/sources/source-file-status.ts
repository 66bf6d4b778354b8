import { registerEnumType } from 'type-graphql';

/**
 * A ledger row's life: SEEN on the first listing, STABLE once a second listing finds the same
 * size and mtime, IMPORTING while an import job holds it, then IMPORTED or FAILED (retried by
 * the next sync). DUPLICATE: the same path came back with content already imported.
 */
export enum SourceFileStatus {
  SEEN = 'SEEN',
  STABLE = 'STABLE',
  IMPORTING = 'IMPORTING',
  IMPORTED = 'IMPORTED',
  FAILED = 'FAILED',
  DUPLICATE = 'DUPLICATE',
}

/** Rows still in play; at most one per path (a unique index says so). */
export const OPEN_STATUSES: readonly SourceFileStatus[] = [
  SourceFileStatus.SEEN,
  SourceFileStatus.STABLE,
  SourceFileStatus.IMPORTING,
  SourceFileStatus.FAILED,
];

/** What was done with the remote file after its import. */
export enum FileDisposition {
  LEFT = 'LEFT',
  ARCHIVED = 'ARCHIVED',
  DELETED = 'DELETED',
}

registerEnumType(SourceFileStatus, {
  name: 'SourceFileStatus',
  valuesConfig: {
    SEEN: { description: 'Listed once; picked up when a later listing finds the same size.' },
    STABLE: { description: 'Size unchanged across two listings: ready to import.' },
    IMPORTING: { description: 'An import job is reading it.' },
    IMPORTED: { description: 'Imported; never imported again, whatever its mtime does.' },
    FAILED: { description: 'The import failed and applied nothing; the next sync retries it.' },
    DUPLICATE: { description: 'Came back with content that was already imported; skipped.' },
  },
});
registerEnumType(FileDisposition, { name: 'FileDisposition' });
