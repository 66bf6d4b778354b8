/** Lists a source, settles and records what it found, and starts the imports. */
export const SOURCE_SYNC_KIND = 'source.sync';
/** Imports one file of a source, then starts the next one. */
export const SOURCE_IMPORT_KIND = 'source.import';

export interface SourceSyncParams {
  readonly sourceId: string;
  readonly trigger: 'manual' | 'schedule';
}

export interface SourceImportParams {
  readonly sourceId: string;
  readonly fileId: string;
  /** The sync job that planned this import. */
  readonly syncJobId: string;
}
