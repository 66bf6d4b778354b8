import { type Diagnostic, error, warning } from '../../ingest/diagnostic';
import type { Strictness } from './cells';
import { MANIFEST_FILES, type OneRosterVersion } from './versions';

export type FileMode = 'bulk' | 'delta';

export interface Manifest {
  readonly version: OneRosterVersion;
  /** Files the package carries, by OneRoster name (`users`), with their mode and entry name. */
  readonly files: ReadonlyMap<string, { readonly mode: FileMode; readonly entry: string }>;
  readonly systemName: string | null;
  readonly systemCode: string | null;
  /** True when the package had no manifest and lenient mode assumed a 1.1 bulk package. */
  readonly inferred: boolean;
}

export interface ManifestResult {
  readonly manifest: Manifest | null;
  /** Errors make the package unreadable (nothing is applied); warnings are kept with the job. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface ManifestRecord {
  readonly line: number;
  readonly values: readonly string[];
}

const FILE = 'manifest.csv';
const MODES = ['absent', 'bulk', 'delta'] as const;
/** Headers only OneRoster 1.0 used; their presence marks a legacy package. */
const LEGACY_HEADERS = ['schoolYearId', 'termSourcedId', 'userId', 'agents', 'grade'];

/**
 * Reads `manifest.csv` against the package's entries: the version, each file's mode, and the
 * reconciliation the binding demands (a file present but declared absent, or declared but
 * missing, is an error; every `file.*` of the version must be declared).
 */
export function readManifest(
  header: readonly string[] | null,
  records: readonly ManifestRecord[] | null,
  entries: readonly string[],
  strictness: Strictness,
  headersOf: (entry: string) => readonly string[] | undefined,
): ManifestResult {
  const lenient = strictness === 'LENIENT';
  const diagnostics: Diagnostic[] = [];
  const csvEntries = entries.filter((e) => e.toLowerCase().endsWith('.csv') && e !== FILE);

  if (!header || !records) return withoutManifest(csvEntries, lenient, headersOf);

  if (header.length !== 2 || header[0] !== 'propertyName' || header[1] !== 'value') {
    return fail(error('oneroster.manifest.header', 'the header must be propertyName,value', { file: FILE, line: 1 }));
  }

  const properties = new Map<string, { value: string; line: number }>();
  for (const { line, values } of records) {
    const name = values[0] ?? '';
    const value = values[1] ?? '';
    if (properties.has(name)) {
      diagnostics.push(error('oneroster.manifest.property_duplicate', `property ${name} is declared twice`, { file: FILE, line, column: 'propertyName' }));
      continue;
    }
    properties.set(name, { value, line });
  }

  const manifestVersion = properties.get('manifest.version');
  if (!manifestVersion) {
    diagnostics.push(error('oneroster.manifest.property_missing', 'manifest.version is missing', { file: FILE }));
  } else if (manifestVersion.value !== '1.0') {
    const d = { file: FILE, line: manifestVersion.line, column: 'value' };
    if (lenient && manifestVersion.value === '1') diagnostics.push(warning('oneroster.coerced.manifest_version', 'manifest.version 1 read as 1.0', d));
    else diagnostics.push(error('oneroster.manifest.version', 'manifest.version must be 1.0', d));
  }

  const declared = properties.get('oneroster.version');
  let version: OneRosterVersion | null = null;
  if (!declared) {
    diagnostics.push(error('oneroster.manifest.property_missing', 'oneroster.version is missing', { file: FILE }));
  } else if (declared.value === '1.1' || declared.value === '1.2') {
    version = declared.value;
  } else if (lenient && /^1\.2\.\d+$/.test(declared.value)) {
    version = '1.2';
    diagnostics.push(warning('oneroster.coerced.oneroster_version', 'oneroster.version read as 1.2', { file: FILE, line: declared.line, column: 'value' }));
  } else {
    diagnostics.push(error('oneroster.manifest.version', 'oneroster.version must be 1.1 or 1.2 (1.0 packages are not supported)', { file: FILE, line: declared.line, column: 'value' }));
  }
  if (!version) return { manifest: null, diagnostics };

  const known = new Set(MANIFEST_FILES[version]);
  for (const [name, { line }] of properties) {
    if (name === 'manifest.version' || name === 'oneroster.version' || name === 'source.systemName' || name === 'source.systemCode') continue;
    if (name.startsWith('file.') && known.has(name.slice(5))) continue;
    const where = { file: FILE, line, column: 'propertyName' };
    if (lenient) diagnostics.push(warning('oneroster.manifest.property_unknown', `unknown property ${name} ignored`, where));
    else diagnostics.push(error('oneroster.manifest.property_unknown', `unknown property ${name}`, where));
  }

  const entryFor = matchEntries(csvEntries, version, lenient, diagnostics);
  const files = new Map<string, { mode: FileMode; entry: string }>();
  for (const name of MANIFEST_FILES[version]) {
    const property = properties.get(`file.${name}`);
    const entry = entryFor.get(name);
    let mode = property?.value;
    const where = { file: FILE, line: property?.line ?? null, column: 'value' };
    if (mode !== undefined && lenient && !(MODES as readonly string[]).includes(mode)) {
      const folded = mode.trim().toLowerCase();
      if ((MODES as readonly string[]).includes(folded)) {
        diagnostics.push(warning('oneroster.coerced.enum_case', `file.${name} mode read case-insensitively`, where));
        mode = folded;
      } else if (folded === '' && !entry) {
        diagnostics.push(warning('oneroster.coerced.mode_blank', `file.${name} has no mode; read as absent`, where));
        mode = 'absent';
      }
    }
    if (mode === undefined) {
      if (!lenient) {
        diagnostics.push(error('oneroster.manifest.file_undeclared', `file.${name} is not declared`, { file: FILE }));
        continue;
      }
      mode = entry ? 'bulk' : 'absent';
      if (entry) diagnostics.push(warning('oneroster.manifest.file_undeclared', `file.${name} is not declared; ${entry} read as bulk`, { file: FILE }));
    }
    if (!(MODES as readonly string[]).includes(mode)) {
      diagnostics.push(error('oneroster.manifest.file_mode', `file.${name} must be absent, bulk or delta`, where));
      continue;
    }
    if (mode === 'absent') {
      if (entry) diagnostics.push(error('oneroster.manifest.file_present', `${entry} is in the package but file.${name} says absent`, { file: entry }));
      continue;
    }
    if (!entry) {
      diagnostics.push(error('oneroster.manifest.file_missing', `file.${name} is ${mode} but ${name}.csv is not in the package`, where));
      continue;
    }
    files.set(name, { mode: mode as FileMode, entry });
  }

  return {
    manifest: {
      version,
      files,
      systemName: properties.get('source.systemName')?.value || null,
      systemCode: properties.get('source.systemCode')?.value || null,
      inferred: false,
    },
    diagnostics,
  };
}

/** Maps package entries to OneRoster file names; lenient mode forgives the case of a name. */
function matchEntries(entries: readonly string[], version: OneRosterVersion, lenient: boolean, diagnostics: Diagnostic[]): Map<string, string> {
  const byName = new Map<string, string>();
  const names = MANIFEST_FILES[version];
  for (const entry of entries) {
    const base = entry.slice(0, -4);
    if (names.includes(base)) {
      byName.set(base, entry);
      continue;
    }
    const folded = lenient ? names.find((n) => n.toLowerCase() === base.toLowerCase()) : undefined;
    if (folded && !byName.has(folded)) {
      diagnostics.push(warning('oneroster.package.file_name_case', `${entry} read as ${folded}.csv`, { file: entry }));
      byName.set(folded, entry);
    } else if (lenient) {
      diagnostics.push(warning('oneroster.package.file_unknown', `${entry} is not a OneRoster ${version} file; ignored`, { file: entry }));
    } else {
      diagnostics.push(error('oneroster.package.file_unknown', `${entry} is not a OneRoster ${version} file`, { file: entry }));
    }
  }
  return byName;
}

/**
 * No manifest: a 1.0 package (refused, with a clear message), or in lenient mode a manifest-less
 * 1.1 export, read as bulk files with a warning.
 */
function withoutManifest(entries: readonly string[], lenient: boolean, headersOf: (entry: string) => readonly string[] | undefined): ManifestResult {
  const legacy = entries.find((e) => (headersOf(e) ?? []).some((h) => LEGACY_HEADERS.includes(h)));
  if (legacy) {
    return fail(
      error('oneroster.version.unsupported_1_0', 'this is a OneRoster 1.0 package (no manifest.csv, 1.0 headers); export it as OneRoster 1.1 or 1.2', { file: legacy, line: 1 }),
    );
  }
  if (!lenient) {
    return fail(error('oneroster.manifest.missing', 'manifest.csv is missing (OneRoster 1.0 packages have none; 1.1 and 1.2 require it)', { file: FILE }));
  }
  const diagnostics: Diagnostic[] = [warning('oneroster.manifest.missing', 'manifest.csv is missing; read as a OneRoster 1.1 bulk package', { file: FILE })];
  const entryFor = matchEntries(entries, '1.1', true, diagnostics);
  const files = new Map<string, { mode: FileMode; entry: string }>();
  for (const [name, entry] of entryFor) files.set(name, { mode: 'bulk', entry });
  return { manifest: { version: '1.1', files, systemName: null, systemCode: null, inferred: true }, diagnostics };
}

function fail(diagnostic: Diagnostic): ManifestResult {
  return { manifest: null, diagnostics: [diagnostic] };
}
