import type { ProcessedFileAction, SourceFormat, SourceKind } from './source-enums';

/**
 * A create or update as the service takes it. For updates, `undefined` keeps a value and
 * `null` clears it; secrets work the same way and are never read back.
 */
export interface SourceInputData {
  readonly name?: string;
  readonly kind?: SourceKind;
  readonly format?: SourceFormat;
  readonly host?: string | null;
  readonly port?: number | null;
  readonly username?: string | null;
  readonly password?: string | null;
  readonly privateKey?: string | null;
  readonly privateKeyPassphrase?: string | null;
  readonly hostKeyFingerprint?: string | null;
  readonly folder?: string;
  readonly filePatterns?: readonly string[] | null;
  /** Five-field cron, or null for a source that syncs only when asked. */
  readonly schedule?: string | null;
  readonly timeZone?: string | null;
  readonly lookbackDays?: number | null;
  readonly settleSeconds?: number | null;
  readonly processedAction?: ProcessedFileAction | null;
  readonly archiveFolder?: string | null;
  readonly formatOptions?: Record<string, unknown> | null;
}
