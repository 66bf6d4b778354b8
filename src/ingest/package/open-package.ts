import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { FileError } from '../file-error';
import { openFolderPackage, openSingleFilePackage } from './folder-package';
import { packageLimits, type PackageLimits } from './limits';
import type { IngestPackage } from './package';
import { openZipPackage } from './zip-package';

/**
 * Opens whatever was delivered at `inputPath`: a folder, a zip (recognised by its signature, not
 * its name) or a single file. Limits default to DEFAULT_PACKAGE_LIMITS.
 */
export async function openPackage(inputPath: string, limits: Partial<PackageLimits> = {}): Promise<IngestPackage> {
  const resolved = packageLimits(limits);
  const label = path.basename(inputPath);
  let info;
  try {
    info = await stat(inputPath);
  } catch {
    throw new FileError('package.missing', `${inputPath} does not exist or cannot be read`, { file: label });
  }
  if (info.isDirectory()) return openFolderPackage(inputPath, resolved);
  if (!info.isFile()) throw new FileError('package.not_a_file', `${inputPath} is neither a file nor a folder`, { file: label });
  if (await isZip(inputPath)) return openZipPackage(inputPath, resolved);
  if (/\.zip$/i.test(inputPath)) throw new FileError('package.zip.unreadable', `${label} is named .zip but is not a zip file`, { file: label });
  return openSingleFilePackage(inputPath, resolved);
}

/** Local file header or (empty archive) end-of-central-directory signature. */
async function isZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead < 4) return false;
    const signature = head.readUInt32LE(0);
    return signature === 0x04034b50 || signature === 0x06054b50;
  } finally {
    await handle.close();
  }
}
