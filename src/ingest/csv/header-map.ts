import { warning, type Diagnostic } from '../diagnostic';
import { FileError } from '../file-error';
import type { CsvContract } from './csv-contract';

export interface ExtensionColumn {
  /** The header name as written, prefix included (`metadata.house`). */
  readonly name: string;
  readonly index: number;
}

/**
 * Where each contract column sits in one file's rows, after checking the header against the
 * contract. Header problems that make the file unreadable throw a FileError; tolerable ones
 * (lenient mode's unknown columns) are returned as warnings.
 */
export class HeaderMap {
  private readonly byName: ReadonlyMap<string, number>;

  private constructor(
    readonly contract: CsvContract,
    /** For each contract column, its field index in a row, or -1 when the file lacks it. */
    readonly positions: readonly number[],
    readonly extensions: readonly ExtensionColumn[],
    readonly warnings: readonly Diagnostic[],
  ) {
    this.byName = new Map(contract.columns.map((c, i) => [c, i]));
  }

  /** True when rows already hold the contract columns in order at the front (strict files). */
  get inContractOrder(): boolean {
    return this.positions.every((p, i) => p === i);
  }

  /** The contract index of `column`; throws for names the contract does not define (a bug). */
  indexOf(column: string): number {
    const index = this.byName.get(column);
    if (index === undefined) throw new Error(`"${column}" is not a column of this contract`);
    return index;
  }

  static check(header: readonly string[], contract: CsvContract, file: string, line: number): HeaderMap {
    const check = contract.mode === 'strict' ? checkStrict : checkLenient;
    return check(header, contract, { file, line });
  }

  /** @internal */
  static of(contract: CsvContract, positions: number[], extensions: ExtensionColumn[], warnings: Diagnostic[]): HeaderMap {
    return new HeaderMap(contract, positions, extensions, warnings);
  }
}

interface Place {
  readonly file: string;
  readonly line: number;
}

function checkStrict(header: readonly string[], contract: CsvContract, place: Place): HeaderMap {
  const { columns } = contract;
  for (let i = 0; i < columns.length; i++) {
    const expected = columns[i] as string;
    const found = header[i];
    if (found === expected) continue;
    const message =
      found === undefined
        ? `the header ends after ${header.length} column(s); column ${i + 1} must be "${expected}" (every column of the format is required, in order, even if empty)`
        : `column ${i + 1} of the header must be "${expected}" but is "${found}" (names and order are exact, case included)`;
    throw new FileError('csv.header.mismatch', message, { ...place, column: expected });
  }
  const extensions = extensionsAfter(header, columns.length, contract, place);
  return HeaderMap.of(
    contract,
    columns.map((_, i) => i),
    extensions,
    [],
  );
}

function extensionsAfter(header: readonly string[], from: number, contract: CsvContract, place: Place): ExtensionColumn[] {
  const extensions: ExtensionColumn[] = [];
  const seen = new Set<string>();
  for (let i = from; i < header.length; i++) {
    const name = header[i] as string;
    if (!contract.extensionPrefix || !name.startsWith(contract.extensionPrefix)) {
      const allowed = contract.extensionPrefix ? `; only "${contract.extensionPrefix}…" extension columns may follow the format's columns` : '';
      throw new FileError('csv.header.unexpected', `column ${i + 1} "${name}" is not part of the format${allowed}`, { ...place, column: name });
    }
    if (seen.has(name)) throw duplicate(name, place);
    seen.add(name);
    extensions.push({ name, index: i });
  }
  return extensions;
}

const normalise = (name: string): string => name.trim().toLowerCase();

function checkLenient(header: readonly string[], contract: CsvContract, place: Place): HeaderMap {
  const wanted = new Map(contract.columns.map((c, i) => [normalise(c), i]));
  const positions = contract.columns.map(() => -1);
  const extensions: ExtensionColumn[] = [];
  const warnings: Diagnostic[] = [];
  const prefix = contract.extensionPrefix?.toLowerCase();
  const seenExtensions = new Set<string>();
  header.forEach((name, index) => {
    const key = normalise(name);
    const column = wanted.get(key);
    if (column !== undefined) {
      if (positions[column] !== -1) throw duplicate(name, place);
      positions[column] = index;
    } else if (prefix && key.startsWith(prefix)) {
      if (seenExtensions.has(key)) throw duplicate(name, place);
      seenExtensions.add(key);
      extensions.push({ name: name.trim(), index });
    } else {
      warnings.push(
        warning('csv.header.unknown', name.trim() === '' ? `column ${index + 1} has no name; it is ignored` : `column ${index + 1} "${name}" is not part of the format; it is ignored`, {
          ...place,
          column: name,
        }),
      );
    }
  });
  const missing = (contract.requiredColumns ?? []).filter((c) => positions[wantedIndex(contract, c)] === -1);
  if (missing.length > 0) {
    throw new FileError('csv.header.missing_column', `the header lacks required column(s) ${missing.map((c) => `"${c}"`).join(', ')}`, {
      ...place,
      column: missing[0] as string,
    });
  }
  return HeaderMap.of(contract, positions, extensions, warnings);
}

function wantedIndex(contract: CsvContract, column: string): number {
  const index = contract.columns.indexOf(column);
  if (index === -1) throw new Error(`required column "${column}" is not among the contract's columns`);
  return index;
}

function duplicate(name: string, place: Place): FileError {
  return new FileError('csv.header.duplicate', `the header names "${name}" more than once`, { ...place, column: name });
}
