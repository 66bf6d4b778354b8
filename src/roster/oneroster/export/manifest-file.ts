import { MANIFEST_FILES, type OneRosterVersion } from '../versions';
import { CsvFileWriter } from './csv-file-writer';

/**
 * manifest.csv for a bulk package: every `file.*` of the version declared, `bulk` for the files
 * written (each has at least one row: the binding forbids empty files) and `absent` otherwise.
 */
export async function writeManifest(path: string, version: OneRosterVersion, written: ReadonlySet<string>, system: string): Promise<void> {
  const writer = new CsvFileWriter(path, ['propertyName', 'value']);
  await writer.write([
    ['manifest.version', '1.0'],
    ['oneroster.version', version],
    ...MANIFEST_FILES[version].map((name) => [`file.${name}`, written.has(name) ? 'bulk' : 'absent']),
    ['source.systemName', 'learngraph'],
    ['source.systemCode', system],
  ]);
  await writer.end();
}
