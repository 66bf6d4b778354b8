import { createReadStream } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { FileError } from '../file-error';
import { ByteBudget } from './byte-limit';
import { limitedStream } from './limited-stream';
import type { PackageLimits } from './limits';
import { entryLookup, type IngestPackage, type PackageEntry } from './package';

/**
 * The regular files directly inside a folder. Sub-folders are not entered (drop folders often
 * keep an `archive/` beside the files) and dot files are skipped (`.DS_Store`, editors' and
 * uploaders' temporaries). A symbolic link is refused: it could point anywhere on the machine.
 */
export async function openFolderPackage(folder: string, limits: PackageLimits): Promise<IngestPackage> {
  const label = path.basename(folder);
  const budget = new ByteBudget(limits);
  const entries: PackageEntry[] = [];
  let total = 0;
  for (const dirent of (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (dirent.name.startsWith('.')) continue;
    if (dirent.isSymbolicLink()) {
      throw new FileError('package.entry.symlink', `"${dirent.name}" in ${label} is a symbolic link; copy the file itself into the folder`, {
        file: dirent.name,
      });
    }
    if (!dirent.isFile()) continue;
    if (entries.length >= limits.maxEntries) {
      throw new FileError('package.too_many_entries', `${label} has more than ${limits.maxEntries} files, the limit for one package`, { file: label });
    }
    const full = path.join(folder, dirent.name);
    const { size } = await lstat(full);
    total += size;
    checkSizes(dirent.name, size, total, limits);
    entries.push(fileEntry(full, dirent.name, size, limits, budget));
  }
  return { kind: 'folder', path: folder, label, entries, entry: entryLookup(entries), close: async () => {} };
}

/** One file delivered on its own (an LMS feed, a single CSV upload). */
export async function openSingleFilePackage(file: string, limits: PackageLimits): Promise<IngestPackage> {
  const name = path.basename(file);
  const { size } = await stat(file);
  checkSizes(name, size, size, limits);
  const entries = [fileEntry(file, name, size, limits, new ByteBudget(limits))];
  return { kind: 'file', path: file, label: name, entries, entry: entryLookup(entries), close: async () => {} };
}

function checkSizes(name: string, size: number, total: number, limits: PackageLimits): void {
  if (size > limits.maxEntryBytes) {
    throw new FileError('package.entry.too_large', `the file is larger than ${limits.maxEntryBytes} bytes, the limit for one file`, { file: name });
  }
  if (total > limits.maxTotalBytes) {
    throw new FileError('package.too_large', `the files add up to more than ${limits.maxTotalBytes} bytes, the limit for one package`, { file: name });
  }
}

function fileEntry(full: string, name: string, size: number, limits: PackageLimits, budget: ByteBudget): PackageEntry {
  return {
    name,
    declaredSize: size,
    // A file still being written grows past its stat size; the limit counts what is read.
    open: async () =>
      limitedStream(createReadStream(full), {
        entry: name,
        limits,
        budget,
        describeFailure: (error) => new FileError('package.entry.unreadable', `the file cannot be read: ${error.message}`, { file: name }),
      }),
  };
}
