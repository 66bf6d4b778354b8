import type { Readable } from 'node:stream';
import { digestPackage, FileError, openPackage } from '../../ingest';

/**
 * The file an IMS import reads, wherever it came from: a path (CLI, mutation, upload copy) or
 * a stream handed over by a source. `sha256` is known up front for paths and spooled files
 * (a duplicate then stops before any parsing); a stream is hashed while it is read.
 */
export interface ImsInput {
  /** The file name, for issues and the ledger. */
  readonly name: string;
  readonly size: number | null;
  readonly sha256: Buffer | null;
  /** The bytes; called once. */
  open(): Promise<Readable>;
}

/**
 * A path as an IMS input: the XML file itself, or a zip or folder holding exactly one `.xml`
 * file (SIS exports are often zipped). Package limits (size, zip bombs) apply as for every
 * format. The ledger digest is the delivery's (the zip's bytes for a zip).
 */
export async function imsInputFromPath(inputPath: string, signal?: AbortSignal): Promise<{ input: ImsInput; close(): Promise<void> }> {
  const pkg = await openPackage(inputPath);
  try {
    const xml = pkg.kind === 'file' ? pkg.entries : pkg.entries.filter((e) => /\.xml$/i.test(e.name));
    const entry = xml[0];
    if (!entry || xml.length > 1) {
      throw new FileError(
        'ims.package.entries',
        xml.length === 0 ? `${pkg.label} holds no .xml file` : `${pkg.label} holds ${xml.length} .xml files; send one IMS Enterprise file at a time`,
        { file: pkg.label },
      );
    }
    const digest = await digestPackage(pkg, signal);
    return { input: { name: entry.name, size: entry.declaredSize, sha256: digest.sha256, open: () => entry.open() }, close: () => pkg.close() };
  } catch (error) {
    await pkg.close();
    throw error;
  }
}
