/** Where a delivered file stands in the ledger. */
export enum IngestFileStatus {
  /** Seen and being (or about to be) imported. */
  RECEIVED = 'received',
  /** Its rows are in the database; the same content again is a duplicate. */
  APPLIED = 'applied',
  /** Its import failed or was cancelled; nothing of it was applied, so it may be sent again. */
  FAILED = 'failed',
  /** The same content (and format) had already been applied; it changed nothing. */
  DUPLICATE = 'duplicate',
}
