import { FileError, readCsv, type IngestPackage } from '../../ingest';
import type { Strictness } from './cells';
import { readManifest, type ManifestRecord, type ManifestResult } from './manifest';

const MANIFEST = 'manifest.csv';

/** Reads the package's manifest.csv (or notes its absence) and reconciles it with the entries. */
export async function readPackageManifest(pkg: IngestPackage, strictness: Strictness): Promise<ManifestResult> {
  const names = pkg.entries.map((e) => e.name);
  const manifestEntry = pkg.entry(MANIFEST) ?? (strictness === 'LENIENT' ? pkg.entries.find((e) => e.name.toLowerCase() === MANIFEST) : undefined);
  if (!manifestEntry) {
    // Without a manifest, the headers tell a 1.0 package from a manifest-less 1.1 export.
    const headers = new Map<string, readonly string[]>();
    for (const entry of pkg.entries.filter((e) => e.name.toLowerCase().endsWith('.csv'))) {
      const reader = await readCsv(await entry.open(), { file: entry.name });
      headers.set(entry.name, reader.header);
      reader.close();
    }
    return readManifest(null, null, names, strictness, (name) => headers.get(name));
  }
  const reader = await readCsv(await manifestEntry.open(), { file: manifestEntry.name, multiline: false });
  const records: ManifestRecord[] = [];
  try {
    for await (const item of reader) {
      if (item.kind === 'record') records.push({ line: item.line, values: item.values });
      else throw new FileError(item.diagnostic.code, item.diagnostic.message, item.diagnostic);
    }
  } finally {
    reader.close();
  }
  return readManifest(reader.header, records, names.filter((n) => n !== manifestEntry.name), strictness, () => undefined);
}
