import { createHash } from 'node:crypto';
import type { IngestPackage } from '../package/package';
import { digestFile, digestStream, type ContentDigest } from './sha256';

/**
 * The content identity of a whole delivery, for the ledger. A zip or single file is its bytes.
 * A folder is the sorted list of its entries' names and digests, so the same files dropped
 * again count as the same delivery whatever their timestamps.
 */
export async function digestPackage(pkg: IngestPackage, signal?: AbortSignal): Promise<ContentDigest> {
  if (pkg.kind !== 'folder') return digestFile(pkg.path, signal);
  const combined = createHash('sha256');
  let size = 0;
  for (const entry of [...pkg.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const digest = await digestStream(await entry.open(), signal);
    size += digest.size;
    combined.update(`${entry.name}\0${digest.sha256.toString('hex')}\n`);
  }
  return { sha256: combined.digest(), size };
}
