/** Where a delivered file stands in the ledger. */
export enum IngestFileStatus {
  /** Seen and being (or about to be) imported. */
  RECEIVED = 'received',
  /** Its rows are in the database; the same content again is a duplicate. */
  APPLIED = 'applied',
  /** Its import failed or was cancelled; nothing of it was applied, so it may be sent again. */
  FAILED = 'failed',
  /**
   * Applied once, then replaced by a later file of a snapshot format (a OneRoster package): the
   * state it describes is no longer current, so the same content again is applied again.
   */
  SUPERSEDED = 'superseded',
  /** The same content (and format) had already been applied; it changed nothing. */
  DUPLICATE = 'duplicate',
}
