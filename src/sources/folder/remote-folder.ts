import type { Readable } from 'node:stream';

export interface RemoteFile {
  readonly name: string;
  /** Full path, usable with `read`, `stat`, `archive`, `remove`. */
  readonly path: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

/**
 * A source's folder, over SFTP or on local disk: one flow for both. A value is one job's
 * connection; `close()` ends it and must not hang.
 */
export interface RemoteFolder {
  /** The host key the server presented (SFTP), for reports. */
  readonly fingerprint: string | null;
  /** Connection attempts so far (1 for a local folder). */
  readonly attempts: number;
  /** Regular files directly in the source folder. */
  list(): Promise<RemoteFile[]>;
  stat(path: string): Promise<{ size: number; modifiedAt: Date } | null>;
  /** Bytes `start` .. `end` (inclusive) of a file. */
  read(path: string, start: number, end: number): Readable;
  /** Moves a file into the archive folder (made if missing); returns where it went. */
  archive(path: string, archiveFolder: string): Promise<string>;
  remove(path: string): Promise<void>;
  /** Replaces a lost connection with a new one (never reusing the old client). */
  reconnect(): Promise<void>;
  close(): Promise<'closed' | 'timed-out'>;
}

/** `<name>.<stamp>` when the archive already holds the name: archiving never overwrites. */
export function archiveName(name: string, taken: boolean, now: Date = new Date()): string {
  return taken ? `${name}.${now.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15)}` : name;
}

/**
 * A listed name we are willing to touch. A server can answer a directory listing with any
 * bytes: a name with a separator, `.`/`..` or control characters could make a path outside the
 * folder (archive, local spool) or forge a log line, so such a file is reported and never read.
 */
export function isPlainFileName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\u0000-\u001f\u007f]/.test(name);
}
