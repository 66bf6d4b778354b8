import path from 'node:path';
import type { Readable } from 'node:stream';
import { type SftpTarget, type SftpTuning, SftpSession } from '../../ingest/sftp/sftp-session';
import { archiveName, type RemoteFile, type RemoteFolder } from './remote-folder';

/** A source folder on an SFTP server. Paths are POSIX whatever the local OS. */
export class SftpFolder implements RemoteFolder {
  private constructor(
    private session: SftpSession,
    private readonly target: SftpTarget,
    private readonly folder: string,
    private readonly tuning: SftpTuning,
    private readonly signal: AbortSignal | undefined,
    private connects: number,
  ) {}

  static async open(target: SftpTarget, folder: string, tuning: SftpTuning, signal?: AbortSignal): Promise<SftpFolder> {
    const session = await SftpSession.open(target, tuning, { label: `source ${target.host}`, ...(signal ? { signal } : {}) });
    return new SftpFolder(session, target, folder, tuning, signal, session.attempts);
  }

  get fingerprint(): string {
    return this.session.fingerprint;
  }

  get attempts(): number {
    return this.connects;
  }

  async list(): Promise<RemoteFile[]> {
    const entries = await this.session.list(this.folder);
    return entries.map((e) => ({ ...e, path: path.posix.join(this.folder, e.name) }));
  }

  stat(file: string): Promise<{ size: number; modifiedAt: Date } | null> {
    return this.session.stat(file);
  }

  read(file: string, start: number, end: number): Readable {
    return this.session.read(file, start, end);
  }

  async archive(file: string, archiveFolder: string): Promise<string> {
    const dir = path.posix.isAbsolute(archiveFolder) ? archiveFolder : path.posix.join(this.folder, archiveFolder);
    await this.session.mkdir(dir);
    const name = path.posix.basename(file);
    const target = path.posix.join(dir, archiveName(name, await this.session.exists(path.posix.join(dir, name))));
    await this.session.rename(file, target);
    return target;
  }

  remove(file: string): Promise<void> {
    return this.session.delete(file);
  }

  async reconnect(): Promise<void> {
    await this.session.close();
    this.session = await SftpSession.open(this.target, this.tuning, { label: `source ${this.target.host}`, ...(this.signal ? { signal: this.signal } : {}) });
    this.connects += this.session.attempts;
  }

  close(): Promise<'closed' | 'timed-out'> {
    return this.session.close();
  }
}
