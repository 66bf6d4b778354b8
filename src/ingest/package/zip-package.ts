import path from 'node:path';
import yauzl from 'yauzl';
import { FileError } from '../file-error';
import { ByteBudget, zipBombMessage } from './byte-limit';
import { checkEntryName } from './entry-name';
import { limitedStream } from './limited-stream';
import type { PackageLimits } from './limits';
import { entryLookup, type IngestPackage, type PackageEntry } from './package';

const STORED = 0;

/**
 * Opens a zip and lists its root-level entries, refusing the whole package when an entry is
 * unsafe (zip slip, nested, encrypted) or its headers already exceed the limits. Only the
 * central directory is read here; entry data is streamed on demand, limited while it flows.
 */
export async function openZipPackage(zipPath: string, limits: PackageLimits): Promise<IngestPackage> {
  const label = path.basename(zipPath);
  let zip: yauzl.ZipFile;
  try {
    // decodeStrings off: yauzl would reject unsafe names with a bare Error; we decode and
    // check them ourselves to name the entry and the rule.
    zip = await yauzl.openPromise(zipPath, { autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    throw new FileError('package.zip.unreadable', `${label} is not a readable zip file (${(error as Error).message})`, { file: label });
  }
  try {
    const entries = await listEntries(zip, label, limits);
    const lookup = entryLookup(entries);
    return {
      kind: 'zip',
      path: zipPath,
      label,
      entries,
      entry: lookup,
      close: async () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function listEntries(zip: yauzl.ZipFile, label: string, limits: PackageLimits): Promise<PackageEntry[]> {
  if (zip.entryCount > limits.maxEntries) throw tooManyEntries(label, limits);
  const budget = new ByteBudget(limits);
  const entries: PackageEntry[] = [];
  const seen = new Set<string>();
  let declaredTotal = 0;
  let count = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      // The count in the end-of-directory record is a header too; count what is really there.
      if (++count > limits.maxEntries) throw tooManyEntries(label, limits);
      // Strict decoding keeps backslashes, so messages show the name as the archiver wrote it;
      // checkEntryName treats them as separators.
      const rawName = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const name = checkEntryName(rawName, label);
      if (name === null) continue;
      checkDeclared(entry, name, limits);
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxTotalBytes) {
        throw new FileError('package.too_large', `${label} unpacks to more than ${limits.maxTotalBytes} bytes (the limit for one package); split it`, {
          file: name,
        });
      }
      if (seen.has(name)) throw new FileError('package.entry.duplicate', `${label} holds "${name}" more than once`, { file: name });
      seen.add(name);
      entries.push(zipEntry(zip, entry, name, limits, budget));
    }
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError('package.zip.corrupt', `${label} is damaged: ${(error as Error).message}`, { file: label });
  }
  return entries;
}

function checkDeclared(entry: yauzl.Entry, name: string, limits: PackageLimits): void {
  if (entry.isEncrypted()) {
    throw new FileError('package.entry.encrypted', 'the entry is encrypted; send the package without a password', { file: name });
  }
  if (!entry.canDecodeFileData()) {
    throw new FileError('package.entry.unsupported_compression', `the entry uses compression method ${entry.compressionMethod}; only stored and deflate are supported`, {
      file: name,
    });
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw new FileError('package.entry.too_large', `the file is larger than ${limits.maxEntryBytes} bytes, the limit for one file`, { file: name });
  }
  if (
    entry.compressionMethod !== STORED &&
    entry.uncompressedSize > limits.ratioCheckAboveBytes &&
    entry.uncompressedSize > limits.maxCompressionRatio * Math.max(entry.compressedSize, 1)
  ) {
    throw new FileError('package.entry.compression_ratio', zipBombMessage(limits), { file: name });
  }
}

function zipEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, limits: PackageLimits, budget: ByteBudget): PackageEntry {
  return {
    name,
    declaredSize: entry.uncompressedSize,
    open: async () => {
      let source;
      try {
        source = await zip.openReadStreamPromise(entry);
      } catch (error) {
        throw new FileError('package.entry.corrupt', `the entry cannot be unpacked: ${(error as Error).message}`, { file: name });
      }
      return limitedStream(source, {
        entry: name,
        limits,
        budget,
        compressedSize: entry.compressedSize,
        describeFailure: (error) => new FileError('package.entry.corrupt', `the entry cannot be unpacked: ${error.message}`, { file: name }),
      });
    },
  };
}

function tooManyEntries(label: string, limits: PackageLimits): FileError {
  return new FileError('package.too_many_entries', `${label} has more than ${limits.maxEntries} entries, the limit for one package`, { file: label });
}
