import { DomainError } from '../shared/domain-error';
import { describePlace, error, type Diagnostic, type Where } from './diagnostic';

/**
 * A file that cannot be read as a whole (zip slip, bomb, wrong encoding, unclosed quote that
 * swallows rows, missing header). It fails the whole job and applies nothing; the job's failure
 * message says where (file, line, column) and which rule, so the integrator can fix the file.
 */
export class FileError extends DomainError {
  readonly diagnostic: Diagnostic;

  constructor(code: string, message: string, where: Where = {}) {
    const place = describePlace(where);
    super('INVALID_FILE', place ? `${place}: ${message} [${code}]` : `${message} [${code}]`, {
      rule: code,
      file: where.file ?? null,
      line: where.line ?? null,
      column: where.column ?? null,
    });
    this.diagnostic = error(code, message, where);
  }

  /** The dotted rule code, e.g. `csv.encoding.utf16`. */
  get rule(): string {
    return this.diagnostic.code;
  }
}

export const isFileError = (value: unknown): value is FileError => value instanceof FileError;
