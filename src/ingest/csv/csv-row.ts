import { error, warning, type Diagnostic } from '../diagnostic';
import type { HeaderMap } from './header-map';

/**
 * One data row as a validator sees it: fields by contract column name, whatever order or
 * subset of columns the file had, with helpers that pin diagnostics to this row.
 */
export class CsvRow {
  constructor(
    readonly file: string,
    readonly line: number,
    private readonly fields: readonly string[],
    private readonly header: HeaderMap,
  ) {}

  /** The field of contract column `column`; '' when a lenient file lacks the column. */
  get(column: string): string {
    return this.at(this.header.indexOf(column));
  }

  /** The field of the contract's `index`th column (the fast path for hot validators). */
  at(index: number): string {
    const position = this.header.positions[index] ?? -1;
    return position === -1 ? '' : (this.fields[position] ?? '');
  }

  /** Whether the file has column `column` at all (lenient files may lack optional ones). */
  has(column: string): boolean {
    return this.header.positions[this.header.indexOf(column)] !== -1;
  }

  /** All contract columns, in contract order. */
  get values(): string[] {
    if (this.header.inContractOrder) return this.fields.slice(0, this.header.positions.length);
    return this.header.positions.map((_, i) => this.at(i));
  }

  /** Whether the file has extension columns at all (most have none: no need to build `extensions()`). */
  get hasExtensions(): boolean {
    return this.header.extensions.length > 0;
  }

  /** Extension columns (`metadata.*`) by header name; empty fields are left out. */
  extensions(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { name, index } of this.header.extensions) {
      const value = this.fields[index];
      if (value !== undefined && value !== '') out[name] = value;
    }
    return out;
  }

  /** The record's key (contract `keyColumn`), when the contract names one and it is filled. */
  get key(): string | null {
    const column = this.header.contract.keyColumn;
    if (!column) return null;
    return this.at(this.header.indexOf(column)) || null;
  }

  /** An ERROR about this row; `message` must not repeat the row's values. */
  error(code: string, message: string, column: string | null = null): Diagnostic {
    return error(code, message, { file: this.file, line: this.line, column, recordKey: this.key });
  }

  warning(code: string, message: string, column: string | null = null): Diagnostic {
    return warning(code, message, { file: this.file, line: this.line, column, recordKey: this.key });
  }
}
