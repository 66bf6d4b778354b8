import type { Readable } from 'node:stream';

export type PackageKind = 'zip' | 'folder' | 'file';

/** One named file inside a package: `users.csv` at the root of a zip, in a folder, or alone. */
export interface PackageEntry {
  /** The file name, exactly as delivered (case kept); never contains a path separator. */
  readonly name: string;
  /** Size stated before reading (zip header or stat); the real size is enforced while streaming. */
  readonly declaredSize: number;
  /**
   * A fresh stream of the entry's bytes. It errors with a FileError when the entry turns out
   * larger than the limits allow or is corrupt. May be opened more than once.
   */
  open(): Promise<Readable>;
}

/**
 * What an importer reads: a list of root-level entries, whatever the delivery (zip, folder,
 * single file). Close it when done; zips hold a file descriptor.
 */
export interface IngestPackage {
  readonly kind: PackageKind;
  /** The path it was opened from. */
  readonly path: string;
  /** For people: the zip's or folder's base name. */
  readonly label: string;
  readonly entries: readonly PackageEntry[];
  entry(name: string): PackageEntry | undefined;
  close(): Promise<void>;
}

export function entryLookup(entries: readonly PackageEntry[]): (name: string) => PackageEntry | undefined {
  const byName = new Map(entries.map((e) => [e.name, e]));
  return (name) => byName.get(name);
}
