import { createReadStream } from 'node:fs';
import { mkdir, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../../shared/domain-error';
import { insideRoots } from '../source-settings';
import { archiveName, type RemoteFile, type RemoteFolder } from './remote-folder';

/**
 * A drop folder on this machine, behind the same interface as SFTP. The folder is resolved
 * through symlinks and must still lie inside SOURCE_FOLDER_ROOTS, so a link cannot lead an
 * integrator's source to files outside them.
 */
export class LocalFolder implements RemoteFolder {
  readonly fingerprint = null;
  readonly attempts = 1;

  private constructor(private readonly folder: string) {}

  static async open(folder: string, roots: readonly string[]): Promise<LocalFolder> {
    let real: string;
    try {
      real = await realpath(folder);
    } catch {
      throw new DomainError('CONNECTION_FAILED', `The folder ${folder} does not exist or cannot be read`);
    }
    const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => r)));
    if (!insideRoots(real, realRoots)) throw new DomainError('NOT_CONFIGURED', `The folder ${folder} is outside SOURCE_FOLDER_ROOTS`);
    return new LocalFolder(real);
  }

  async list(): Promise<RemoteFile[]> {
    const entries = await readdir(this.folder, { withFileTypes: true });
    const files: RemoteFile[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue; // no directories, and no symlinks out of the folder
      const file = path.join(this.folder, entry.name);
      const s = await stat(file).catch(() => null);
      // Whole seconds, as SFTP reports them, so both kinds of source compare mtimes alike.
      if (s) files.push({ name: entry.name, path: file, size: s.size, modifiedAt: new Date(Math.floor(s.mtimeMs / 1000) * 1000) });
    }
    return files;
  }

  async stat(file: string): Promise<{ size: number; modifiedAt: Date } | null> {
    const s = await stat(this.inside(file)).catch(() => null);
    return s?.isFile() ? { size: s.size, modifiedAt: new Date(Math.floor(s.mtimeMs / 1000) * 1000) } : null;
  }

  read(file: string, start: number, end: number): Readable {
    return createReadStream(this.inside(file), { start, end });
  }

  async archive(file: string, archiveFolder: string): Promise<string> {
    const dir = path.resolve(this.folder, archiveFolder);
    await mkdir(dir, { recursive: true });
    const name = path.basename(file);
    const taken = await stat(path.join(dir, name)).then(
      () => true,
      () => false,
    );
    const target = path.join(dir, archiveName(name, taken));
    await rename(this.inside(file), target);
    return target;
  }

  async remove(file: string): Promise<void> {
    await rm(this.inside(file));
  }

  async reconnect(): Promise<void> {}

  async close(): Promise<'closed'> {
    return 'closed';
  }

  /** Paths come from our own listing; refuse anything else all the same. */
  private inside(file: string): string {
    const resolved = path.resolve(file);
    if (path.dirname(resolved) !== this.folder) throw new Error(`${file} is not in the source folder`);
    return resolved;
  }
}
