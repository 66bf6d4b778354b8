import path from 'node:path';
import { normalizeFingerprint } from '../ingest/sftp/host-key';
import { DomainError } from '../shared/domain-error';
import { assertNever } from '../shared/invariant';
import { FilePatterns } from './file-pattern';
import { ProcessedFileAction, SourceFormat, SourceKind } from './source-enums';
import { validateSchedule, validateTimeZone } from './schedule-spec';

/** Everything about a source except its secrets, as stored. */
export interface SourceSettings {
  readonly name: string;
  readonly kind: SourceKind;
  readonly format: SourceFormat;
  readonly host: string | null;
  readonly port: number | null;
  readonly username: string | null;
  readonly hostKeyFingerprint: string | null;
  readonly folder: string;
  readonly filePatterns: readonly string[];
  readonly scheduleCron: string | null;
  readonly timeZone: string;
  readonly lookbackDays: number;
  readonly settleSeconds: number;
  readonly processedAction: ProcessedFileAction;
  readonly archiveFolder: string | null;
  readonly formatOptions: Record<string, unknown>;
}

export interface SecretsPresent {
  readonly password: boolean;
  readonly privateKey: boolean;
}

/** Patterns a format gets when none are given: for the LMS, its documented daily files. */
export const DEFAULT_PATTERNS: Readonly<Record<SourceFormat, readonly string[]>> = {
  [SourceFormat.LMS]: ['SCORMYYYYMMDD', 'F2FYYYYMMDD', 'QuizYYYYMMDD', 'CompletionYYYYMMDD', 'Pathway*YYYYMMDD'],
  [SourceFormat.ONEROSTER]: ['*.zip'],
  [SourceFormat.IMS]: ['*.xml'],
  [SourceFormat.EDREFLECT]: ['*.zip'], // an export travels as one zip: its CSVs only mean something together
  [SourceFormat.RECORDS]: ['*.csv'],
};

export const DEFAULT_LOOKBACK_DAYS = 28;
export const DEFAULT_SETTLE_SECONDS = 15;
const MAX_OPTIONS_BYTES = 64 * 1024;

/**
 * Checks a source's settings as a whole (create, and update after merging) and returns them
 * normalised. Each problem is a BAD_USER_INPUT naming its field.
 */
export function validateSettings(input: SourceSettings, secrets: SecretsPresent, folderRoots: readonly string[]): SourceSettings {
  const name = input.name.trim();
  if (name === '' || name.length > 100) throw invalid('name', 'The name must be 1-100 characters');
  const timeZone = validateTimeZone(input.timeZone);
  const schedule = input.scheduleCron === null ? null : validateSchedule(input.scheduleCron, timeZone);
  const patterns = FilePatterns.compile(input.filePatterns).patterns;
  if (!Number.isInteger(input.lookbackDays) || input.lookbackDays < 1 || input.lookbackDays > 366) {
    throw invalid('lookbackDays', 'lookbackDays must be 1-366');
  }
  if (!Number.isInteger(input.settleSeconds) || input.settleSeconds < 0 || input.settleSeconds > 3600) {
    throw invalid('settleSeconds', 'settleSeconds must be 0-3600');
  }
  if (Buffer.byteLength(JSON.stringify(input.formatOptions)) > MAX_OPTIONS_BYTES) throw invalid('formatOptions', 'formatOptions is larger than 64 KiB');
  const archiveFolder = input.archiveFolder?.trim() || null;
  if (input.processedAction === ProcessedFileAction.ARCHIVE && archiveFolder === null) {
    throw invalid('archiveFolder', 'processedAction ARCHIVE needs an archiveFolder');
  }
  if (archiveFolder !== null) checkPath('archiveFolder', archiveFolder);
  const common = {
    name,
    format: input.format,
    filePatterns: patterns,
    scheduleCron: schedule?.cron ?? null,
    timeZone,
    lookbackDays: input.lookbackDays,
    settleSeconds: input.settleSeconds,
    processedAction: input.processedAction,
    archiveFolder,
    formatOptions: input.formatOptions,
  };
  switch (input.kind) {
    case SourceKind.SFTP: {
      const host = input.host?.trim() ?? '';
      if (!/^[A-Za-z0-9.:[\]_-]{1,253}$/.test(host)) throw invalid('host', 'An SFTP source needs a host name or address');
      const port = input.port ?? 22;
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid('port', 'port must be 1-65535');
      const username = input.username?.trim() ?? '';
      if (username === '' || username.length > 100 || /[\s:]/.test(username)) throw invalid('username', 'An SFTP source needs a username');
      if (!secrets.password && !secrets.privateKey) throw invalid('password', 'An SFTP source needs a password or a private key');
      let hostKeyFingerprint: string | null = null;
      if (input.hostKeyFingerprint !== null && input.hostKeyFingerprint.trim() !== '') {
        hostKeyFingerprint = normalizeFingerprint(input.hostKeyFingerprint);
        if (!hostKeyFingerprint) {
          throw invalid('hostKeyFingerprint', 'hostKeyFingerprint must look like SHA256:<43 base64 characters>, as `ssh-keygen -lf` prints it');
        }
      }
      const folder = input.folder.trim() || '.';
      checkPath('folder', folder);
      return { ...common, kind: SourceKind.SFTP, host, port, username, hostKeyFingerprint, folder };
    }
    case SourceKind.LOCAL_FOLDER: {
      if (input.host || input.username || input.hostKeyFingerprint || secrets.password || secrets.privateKey) {
        throw invalid('kind', 'A LOCAL_FOLDER source has no host, username, credentials or host key');
      }
      const folder = path.resolve(input.folder.trim());
      if (!path.isAbsolute(input.folder.trim()) || !insideRoots(folder, folderRoots)) {
        throw invalid('folder', `A local folder must be an absolute path inside ${folderRoots.join(', ') || '(no SOURCE_FOLDER_ROOTS)'}`);
      }
      if (archiveFolder !== null && path.isAbsolute(archiveFolder) && !insideRoots(path.resolve(archiveFolder), folderRoots)) {
        throw invalid('archiveFolder', 'The archive folder must be inside SOURCE_FOLDER_ROOTS too');
      }
      return { ...common, kind: SourceKind.LOCAL_FOLDER, host: null, port: null, username: null, hostKeyFingerprint: null, folder };
    }
    default:
      return assertNever(input.kind);
  }
}

export function insideRoots(target: string, roots: readonly string[]): boolean {
  return roots.some((root) => target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

function checkPath(field: string, value: string): void {
  // eslint-disable-next-line no-control-regex
  if (value.length > 1000 || /[\u0000-\u001f]/.test(value)) throw invalid(field, `${field} must be a path without control characters`);
  if (value.split(/[/\\]/).includes('..')) throw invalid(field, `${field} must not contain ".."`);
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', message, { field });
}
