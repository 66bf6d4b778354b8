import { type CsvContract, FileError, type PackageEntry, readCsv } from '../../ingest';
import { FILE_FIELDS, LmsField } from './lms-fields';
import type { LmsFileType } from './lms-file-type';
import { headersFor, type LmsOptions } from './lms-options';

/** Where each of our fields is in one file: the contract column that holds it, if the file has one. */
export interface LmsColumns {
  readonly contract: CsvContract;
  /** Our field -> its contract column name (present or not). */
  readonly columnOf: ReadonlyMap<LmsField, string>;
  /** Fields the file has a column for. */
  readonly present: ReadonlySet<LmsField>;
}

/**
 * Reads the file's header and settles, for each field, which of its accepted headers the file
 * uses (ignoring case and surrounding spaces). A file that lacks a required column, or a
 * column the identity rules name, fails as a whole, listing every missing field with the
 * headers it was looked for under.
 */
export async function resolveColumns(entry: PackageEntry, type: LmsFileType, options: LmsOptions): Promise<LmsColumns> {
  const reader = await readCsv(await entry.open(), { file: entry.name });
  let header: readonly string[];
  try {
    header = reader.header;
  } finally {
    reader.close();
  }
  const found = new Set(header.map((h) => h.trim().toLowerCase()));
  const identityFields = new Set<string>([...options.identity.rules.map((r) => r.field), ...(options.identity.accountField ? [options.identity.accountField] : [])]);
  const columnOf = new Map<LmsField, string>();
  const present = new Set<LmsField>();
  const missing: string[] = [];
  for (const spec of FILE_FIELDS[type]) {
    const accepted = headersFor(type, options).get(spec.field) ?? spec.headers;
    const hit = accepted.find((h) => found.has(h.toLowerCase()));
    columnOf.set(spec.field, hit ?? (accepted[0] as string));
    if (hit) present.add(spec.field);
    else if (spec.required || identityFields.has(spec.field)) missing.push(`${spec.field} (${accepted.map((h) => `"${h}"`).join(' or ')})`);
  }
  if (missing.length > 0) {
    throw new FileError('lms.header.missing', `the header lacks the column(s) for ${missing.join(', ')}; fix the file or the source's column map`, {
      file: entry.name,
      line: reader.headerLine,
    });
  }
  const columns = [...columnOf.values()];
  return {
    columnOf,
    present,
    contract: {
      columns,
      mode: 'lenient',
      requiredColumns: [...present].map((f) => columnOf.get(f) as string),
      multiline: true,
      ...(present.has(LmsField.UNIQUE_ID) ? { keyColumn: columnOf.get(LmsField.UNIQUE_ID) as string } : {}),
    },
  };
}
