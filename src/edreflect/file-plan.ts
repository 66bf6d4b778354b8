import { createHash } from 'node:crypto';
import { FileError, readCsv, warning, type Diagnostic, type PackageEntry, type RowValidator, type StageFileSpec } from '../ingest';
import { changedGroupOf, keyColumnsOf, tableOf, type TableName } from './table-naming';

/** The staging columns of every EdReflect file: keys, then all values as one JSON object. */
const STAGING_COLUMNS = ['row_id', 'root_id', 'parent_id', 'vals'] as const;

export interface DataFilePlan {
  readonly kind: 'data';
  readonly name: TableName;
  readonly spec: StageFileSpec;
}

export interface ChangeListPlan {
  readonly kind: 'changes';
  readonly group: string;
  readonly spec: StageFileSpec;
}

export type FilePlan = DataFilePlan | ChangeListPlan;

/**
 * Plans one entry from its own header: the contract is the header itself (strict), so no
 * column is ever dropped, whatever EdReflect adds. Null for entries that are not CSV files.
 */
export async function planFile(entry: PackageEntry, index: number, warn: (d: Diagnostic) => void): Promise<FilePlan | null> {
  const name = tableOf(entry.name);
  if (!name) return null;
  const header = await readHeader(entry);
  const columns = distinctNames(header, entry.name, warn);
  const contract = { columns: header, mode: 'strict' as const, trailingEmptyFields: 'trim' as const };
  const staging = { table: `edreflect_stage_${index}`, columns: [...STAGING_COLUMNS] };
  const group = changedGroupOf(entry.name);
  if (group !== null) {
    const idAt = Math.max(0, columns.findIndex((c) => c.trim().toLowerCase() === 'id'));
    const validate: RowValidator = (row) => {
      const id = (row.at(idAt) ?? '').trim();
      if (!id) return { rejected: [row.error('edreflect.changed.no_id', 'a change list row has no id', columns[idAt] ?? null)] };
      return { values: [id, null, null, null] };
    };
    return { kind: 'changes', group, spec: { entry: entry.name, contract, staging, validate } };
  }
  const keys = keyColumnsOf(name, columns);
  const validate: RowValidator = (row) => {
    const fields = row.values;
    const values: Record<string, string> = {};
    columns.forEach((c, i) => (values[c] = fields[i] ?? ''));
    const json = JSON.stringify(values);
    const ownId = keys.id === -1 ? '' : (fields[keys.id] ?? '').trim();
    if (keys.id !== -1 && !ownId) return { rejected: [row.error('edreflect.row.no_id', 'the row has an empty id', columns[keys.id] ?? null)] };
    // Link tables have no id: the content names the row, so the same row sent again is the same row.
    const rowId = ownId || `#${createHash('sha1').update(json).digest('hex')}`;
    const pick = (at: number): string | null => (at === -1 ? null : (fields[at] ?? '').trim() || null);
    return { values: [rowId, pick(keys.root), pick(keys.parent), json] };
  };
  return { kind: 'data', name, spec: { entry: entry.name, contract, staging, validate } };
}

async function readHeader(entry: PackageEntry): Promise<readonly string[]> {
  const reader = await readCsv(await entry.open(), { file: entry.name, multiline: true, trailingEmptyFields: 'trim' });
  try {
    if (reader.header.length === 0) throw new FileError('csv.header.missing', 'the file has an empty header', { file: entry.name, line: 1 });
    return reader.header;
  } finally {
    reader.close();
  }
}

/** Header names as value keys: a repeated name gets ` (2)`, ` (3)`, ... so no value is lost. */
function distinctNames(header: readonly string[], file: string, warn: (d: Diagnostic) => void): string[] {
  const seen = new Map<string, number>();
  return header.map((raw) => {
    const n = (seen.get(raw) ?? 0) + 1;
    seen.set(raw, n);
    if (n === 1) return raw;
    warn(warning('edreflect.header.repeated', `the header names "${raw}" more than once; later ones are kept as "${raw} (${n})"`, { file, column: raw }));
    return `${raw} (${n})`;
  });
}
