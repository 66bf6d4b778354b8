import type { CsvContract } from '../../ingest/csv/csv-contract';
import type { StagingTable } from '../../ingest/staging/staging-table';
import type { Strictness } from './cells';
import { type ColumnSpec, columnsFor } from './columns';
import type { FileMode } from './manifest';
import { snake } from './staging-values';
import type { OneRosterVersion, RosterFile } from './versions';

/** Columns read and checked but never stored (credentials are not ours to keep). */
const NOT_STAGED = new Set(['password']);

/** One file of a package as the importer handles it: its contract, staging table and columns. */
export interface FilePlan {
  readonly file: RosterFile;
  readonly entry: string;
  readonly mode: FileMode;
  readonly columns: readonly ColumnSpec[];
  /** Which contract columns are staged, with their staging column names. */
  readonly staged: readonly { readonly index: number; readonly column: string }[];
  readonly contract: CsvContract;
  readonly staging: StagingTable;
}

/**
 * 1.2 profiles add `resourceSourcedIds` to users.csv after userMasterIdentifier (Japan profile);
 * lenient mode reads such files by name and ignores the column with a warning.
 */
export function planFile(version: OneRosterVersion, file: RosterFile, entry: string, mode: FileMode, strictness: Strictness): FilePlan | undefined {
  const columns = columnsFor(version, file);
  if (!columns) return undefined;
  const staged = columns.flatMap((c, index) => (NOT_STAGED.has(c.name) ? [] : [{ index, column: snake(c.name) }]));
  return {
    file,
    entry,
    mode,
    columns,
    staged,
    contract: {
      columns: columns.map((c) => c.name),
      mode: strictness === 'STRICT' ? 'strict' : 'lenient',
      requiredColumns: columns.filter((c) => c.required).map((c) => c.name),
      extensionPrefix: 'metadata.',
      // "No CR/LF inside a field" is the binding's rule; a stray quote then fails at its own line.
      multiline: false,
      trailingEmptyFields: strictness === 'STRICT' ? 'reject' : 'trim',
      keyColumn: 'sourcedId',
    },
    staging: { table: `stage_${snake(file)}`, columns: [...staged.map((s) => s.column), 'metadata'] },
  };
}
