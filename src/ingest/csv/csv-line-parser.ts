import { CsvError, Parser } from 'csv-parse';
import { error as diagnostic, warning as warningDiagnostic } from '../diagnostic';
import { FileError } from '../file-error';
import type { CsvItem } from './csv-item';
import { Utf8Guard } from './utf8-guard';

export interface CsvParseOptions {
  /** The entry name, for diagnostics. */
  readonly file: string;
  /**
   * Whether a quoted field may contain line breaks (RFC 4180 allows it; OneRoster forbids it).
   * When forbidden, a record that spans lines is a quote left open that swallowed the rows
   * after it, and fails the file instead of hiding those rows inside one field.
   */
  readonly multiline: boolean;
  /** Longest record in characters: a stray quote must not buffer the rest of the file. */
  readonly maxRecordChars: number;
  readonly delimiter: string;
  /**
   * Rows longer than the header only by empty fields (a trailing comma, common in exports):
   * `trim` reads them with a warning, `reject` (the default) rejects them.
   */
  readonly trailingEmptyFields?: 'reject' | 'trim';
}

interface PendingError {
  readonly code: string;
  readonly csvStart: number;
  readonly emptyLines: number;
  readonly column: number | null;
}

/**
 * csv-parse's stream parser, extended to emit CsvItems with exact physical line numbers and
 * to decide which malformed rows are safe to step over.
 *
 * Lines: csv-parse counts lines itself (`info.lines`, read synchronously while it pushes a
 * record, i.e. the record's last line) but counts a CRLF inside a quoted field twice. We keep
 * our own position in csv-parse's count and the drift from real lines, correcting by the CRLFs
 * found in the fields of records that span lines; single-line records (nearly all) cost two
 * comparisons.
 *
 * Safety: with `skip_records_with_error` csv-parse drops a bad record and goes on at the next
 * record delimiter it sees, but after a bad quote that delimiter may be lines later. A bad
 * record becomes a row problem only when no line can have vanished with it: it occupied one
 * line, or each line up to the next good record had an error of its own (so each is reported).
 * Otherwise the file fails with a FileError naming the line where the trouble began. The
 * guarantee (every non-blank line is a record, part of a multi-line record, a reported
 * problem, or the file fails) is property-tested in test/ingest/csv-reader.test.ts.
 *
 * Items leave the stream in batches (`CsvItem[]`, one per input chunk, in order): one stream
 * read and one await per chunk instead of per row, which for narrow files cost as much as
 * checking the rows.
 */
export class CsvLineParser extends Parser {
  header: string[] | null = null;
  headerLine = 0;
  private readonly guard: Utf8Guard;
  /** Our position in csv-parse's line count: where the last settled record ended. */
  private csvEnd = 0;
  private emptyLines = 0;
  /** csv-parse lines minus physical lines, from CRLFs inside quoted fields so far. */
  private drift = 0;
  private pending: PendingError | null = null;
  /** Items of the chunk being parsed, pushed together when it is done. */
  private batch: CsvItem[] = [];

  constructor(private readonly opts: CsvParseOptions) {
    super({
      bom: true,
      delimiter: opts.delimiter,
      // Mixed line endings happen (files concatenated from two systems); a single delimiter
      // detected from the first line would leave a stray \r at the end of later rows.
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      max_record_size: opts.maxRecordChars,
      // Parsed batches waiting for the reader (a batch is one input chunk's rows): two keep the
      // parser busy while the reader works, without holding much of the file. csv-parse hands
      // its options on to stream.Transform, though its type does not say so.
      ...({ readableHighWaterMark: 2 } as object),
    });
    this.guard = new Utf8Guard(opts.file);
    this.on('skip', (err: CsvError) => this.onSkip(err));
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    try {
      this.guard.check(chunk);
    } catch (error) {
      callback(error as Error);
      return;
    }
    // Our push() and csv-parse's callbacks throw FileErrors from inside csv-parse's loop;
    // catch them here, or they would escape the stream machinery as uncaught exceptions.
    try {
      super._transform(chunk, encoding, (error?: Error | null) => {
        this.pushBatch();
        callback(error);
      });
    } catch (error) {
      this.pushBatch();
      callback(error as Error);
    }
  }

  override _flush(callback: (error?: Error | null) => void): void {
    try {
      this.guard.end();
    } catch (error) {
      callback(error as Error);
      return;
    }
    try {
      super._flush((error?: Error | null) => {
        if (error) {
          this.pushBatch();
          return callback(error);
        }
        try {
          this.settlePendingAtEnd();
        } catch (settleError) {
          this.pushBatch();
          return callback(settleError as Error);
        }
        this.pushBatch();
        callback();
      });
    } catch (error) {
      callback(error as Error);
    }
  }

  private pushBatch(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    super.push(batch);
  }

  /** csv-parse pushes each record array here, synchronously, while `info` describes it. */
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) {
      this.pushBatch();
      return super.push(null, encoding);
    }
    const values = chunk as string[];
    const csvEnd = this.info.lines;
    const emptyLines = this.info.empty_lines;
    let csvStart = this.csvEnd + 1 + (emptyLines - this.emptyLines);
    let crlfs = 0;
    if (csvEnd !== csvStart || this.pending) {
      const breaks = countBreaks(values);
      csvStart = csvEnd - breaks.csv;
      crlfs = breaks.crlf;
    }
    if (this.pending) {
      // The dropped record ended on the line before this one (less any blank lines between).
      const pendingEnd = csvStart - 1 - (emptyLines - this.pending.emptyLines);
      this.settlePending(pendingEnd);
    }
    const line = csvStart - this.drift;
    if (csvEnd !== csvStart && !this.opts.multiline) {
      throw unclosedQuote(this.opts.file, line, csvEnd - crlfs - this.drift);
    }
    this.drift += crlfs;
    this.csvEnd = csvEnd;
    this.emptyLines = emptyLines;
    if (this.header === null) {
      this.header = values;
      this.headerLine = line;
      return true;
    }
    this.batch.push(this.itemFor(line, values));
    return true;
  }

  private itemFor(line: number, values: string[]): CsvItem {
    const header = this.header as string[];
    if (values.length === header.length) return { kind: 'record', line, values };
    const where = { file: this.opts.file, line };
    if (values.length < header.length) {
      return {
        kind: 'problem',
        line,
        values,
        diagnostic: diagnostic(
          'csv.row.too_short',
          `the row has ${values.length} field(s) but the header has ${header.length}; every row needs a field for each column, even if empty`,
          { ...where, column: header[values.length] ?? null },
        ),
      };
    }
    if (this.opts.trailingEmptyFields === 'trim' && values.slice(header.length).every((v) => v === '')) {
      return {
        kind: 'record',
        line,
        values: values.slice(0, header.length),
        warning: warningDiagnostic('csv.row.trailing_empty', `the row has ${values.length - header.length} empty field(s) beyond the header; they are ignored`, where),
      };
    }
    return {
      kind: 'problem',
      line,
      values,
      diagnostic: diagnostic(
        'csv.row.too_long',
        `the row has ${values.length} fields but the header has ${header.length}; a comma inside a value needs the value in double quotes`,
        where,
      ),
    };
  }

  /** csv-parse found an error in the current record; it drops the record and carries on. */
  private onSkip(err: CsvError): void {
    const emptyLines = this.info.empty_lines;
    const pending = this.pending;
    // Where a record starting now would start: after the last pushed record, or after the
    // pending dropped one if that turns out to have stayed on its line.
    const csvStart = pending ? pending.csvStart + 1 + (emptyLines - pending.emptyLines) : this.csvEnd + 1 + (emptyLines - this.emptyLines);
    const firstLine = (pending ? pending.csvStart : csvStart) - this.drift;
    const file = this.opts.file;
    switch (err.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        throw unclosedQuote(file, firstLine, null);
      case 'CSV_MAX_RECORD_SIZE':
        throw new FileError('csv.record.too_large', `a record is longer than ${this.opts.maxRecordChars} characters; most likely a quote is not closed`, {
          file,
          line: firstLine,
        });
      case 'INVALID_OPENING_QUOTE':
      case 'CSV_INVALID_CLOSING_QUOTE':
        break;
      default:
        throw new FileError('csv.syntax', `the CSV cannot be parsed here (${err.code})`, { file, line: firstLine });
    }
    if (this.header === null) {
      throw new FileError('csv.header.malformed', 'the header row has a misplaced quote', { file, line: firstLine });
    }
    const errorLine = Number(err['lines']);
    // A second error on the same line is the same record: one reject is enough.
    if (pending && errorLine === pending.csvStart) return;
    // An error further on than the next line leaves lines in between that may have been
    // swallowed without a trace.
    if (errorLine !== csvStart) throw unsafeQuote(file, firstLine);
    // An error on the very next line: whether or not the pending record really ended on its
    // line, both lines are reported, so nothing goes unnoticed.
    if (pending) this.settlePending(pending.csvStart);
    const column = err['column'];
    this.pending = { code: err.code, csvStart, emptyLines, column: typeof column === 'number' ? column : null };
  }

  private settlePending(csvEndOfDropped: number): void {
    const pending = this.pending as PendingError;
    this.pending = null;
    const line = pending.csvStart - this.drift;
    if (csvEndOfDropped !== pending.csvStart) throw unsafeQuote(this.opts.file, line);
    const column = pending.column === null ? null : (this.header?.[pending.column] ?? null);
    const message =
      pending.code === 'INVALID_OPENING_QUOTE'
        ? 'a double quote appears inside an unquoted field; put the whole field in double quotes and double the quotes inside it'
        : 'a quoted field has text after its closing quote; a double quote inside a quoted field must be doubled ("")';
    this.batch.push({
      kind: 'problem',
      line,
      values: null,
      diagnostic: diagnostic('csv.quote.invalid', message, { file: this.opts.file, line, column }),
    });
  }

  private settlePendingAtEnd(): void {
    if (!this.pending) return;
    // At the end csv-parse's count stands one past a final line break and counts that
    // non-line as an empty one, like any blank lines after the dropped record.
    const end = this.info.lines - (this.info.empty_lines - this.pending.emptyLines);
    this.settlePending(end);
  }
}

function countBreaks(values: readonly string[]): { csv: number; crlf: number } {
  let csv = 0;
  let crlf = 0;
  for (const value of values) {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c === 0x0a) csv++;
      else if (c === 0x0d) {
        csv++;
        if (value.charCodeAt(i + 1) === 0x0a) crlf++;
      }
    }
  }
  return { csv, crlf };
}

function unclosedQuote(file: string, line: number, runsTo: number | null): FileError {
  const reach = runsTo === null ? 'to the end of the file' : `on to line ${runsTo}`;
  return new FileError('csv.quote.unclosed', `a quoted field opened on this line is not closed on it (it runs ${reach}); a closing double quote is probably missing`, {
    file,
    line,
  });
}

function unsafeQuote(file: string, line: number): FileError {
  return new FileError(
    'csv.quote.unclosed',
    'a misplaced double quote here makes the following lines ambiguous, so no row after it can be trusted; fix the quoting on this line',
    { file, line },
  );
}
