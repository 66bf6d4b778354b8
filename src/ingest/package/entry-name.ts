import { FileError } from '../file-error';

/**
 * Folders that archivers add beside the real files and that carry no data: macOS Archive
 * Utility writes resource forks under `__MACOSX/`. Skipping them keeps "Compress" in Finder
 * usable; everything else nested is refused.
 */
const ARCHIVER_LITTER = /^__MACOSX\//;

/**
 * Checks a zip entry's name and returns it, or `null` for archiver litter to skip. Entries must
 * sit at the root: an absolute path or a `..` segment is a zip slip attempt, and a folder means
 * the package was zipped one level too high (a common mistake worth a precise message).
 * Backslashes count as separators, as Windows tools write them.
 */
export function checkEntryName(rawName: string, packageName: string): string | null {
  const name = rawName.replace(/\\/g, '/');
  const segments = name.split('/');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || segments.includes('..')) {
    throw new FileError('package.entry.unsafe_path', `entry "${rawName}" in ${packageName} points outside the package (absolute path or ".."); refused`, {
      file: rawName,
    });
  }
  if (ARCHIVER_LITTER.test(name)) return null;
  if (name.includes('\0') || name.trim() === '') {
    throw new FileError('package.entry.bad_name', `${packageName} has an entry with an empty or invalid name`, { file: rawName });
  }
  if (segments.length > 1) {
    throw new FileError(
      'package.entry.nested',
      `entry "${rawName}" in ${packageName} is inside a folder; every file must be at the root of the package (zip the files, not their folder)`,
      { file: rawName },
    );
  }
  return name;
}
