import type { Readable } from 'node:stream';
import { FileError } from '../file-error';
import type { CsvItem } from './csv-item';
import { CsvLineParser, type CsvParseOptions } from './csv-line-parser';

export interface CsvReadOptions {
  /** The entry name, for diagnostics. */
  readonly file: string;
  /** May quoted fields contain line breaks? Default true (RFC 4180); see CsvParseOptions. */
  readonly multiline?: boolean;
  /** Longest record in characters; default 1 MiB. */
  readonly maxRecordChars?: number;
  readonly delimiter?: string;
  /** See CsvParseOptions.trailingEmptyFields. */
  readonly trailingEmptyFields?: 'reject' | 'trim';
}

/**
 * An opened CSV: the header already read, the rest as an async iterable that parses only as
 * fast as the consumer pulls (backpressure reaches the file or zip entry), so memory stays
 * flat for any file size. Iterate it once: by item, or by batch with `batches()`.
 */
export interface CsvReader extends AsyncIterable<CsvItem> {
  readonly file: string;
  readonly header: readonly string[];
  /** The header's physical line: 1 unless blank lines precede it. */
  readonly headerLine: number;
  /**
   * The same items in order, as the parser produced them (a batch per input chunk, never
   * empty): for hot loops, which then await once per chunk rather than once per row.
   */
  batches(): AsyncIterable<readonly CsvItem[]>;
  /** Stops reading and releases the input (also done when iteration ends or breaks). */
  close(): void;
}

const DEFAULT_MAX_RECORD_CHARS = 1024 * 1024;

/**
 * Reads `input` as UTF-8 CSV (a BOM is accepted, CRLF/LF/CR endings, RFC 4180 quoting).
 * Malformed rows come out as `problem` items and reading goes on; a file that cannot be read
 * safely (bad encoding, a quote that swallows rows, no header) throws a FileError, here for the
 * header or from the iterator for later lines.
 */
export async function readCsv(input: Readable, options: CsvReadOptions): Promise<CsvReader> {
  const parser = new CsvLineParser(parseOptionsOf(options));
  input.on('error', (error: Error) => parser.destroy(error));
  parser.on('close', () => {
    if (!input.destroyed) input.destroy();
  });
  input.pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<CsvItem[]>;
  // The header is consumed inside the parser; pulling the first batch (or the end) reads it.
  const first = await iterator.next();
  const header = parser.header;
  if (header === null) {
    parser.destroy();
    throw new FileError('csv.header.missing', 'the file is empty: it has no header row', { file: options.file, line: 1 });
  }
  let started = false;
  const openBatches = (): AsyncIterator<readonly CsvItem[]> => {
    if (started) throw new Error(`${options.file} is already being read`);
    started = true;
    let pendingFirst: IteratorResult<CsvItem[]> | null = first;
    return {
      next: async () => {
        if (pendingFirst) {
          const result = pendingFirst;
          pendingFirst = null;
          return result;
        }
        return iterator.next();
      },
      return: async () => {
        parser.destroy();
        return iterator.return ? iterator.return() : { done: true, value: undefined };
      },
    };
  };
  return {
    file: options.file,
    header,
    headerLine: parser.headerLine,
    close: () => parser.destroy(),
    batches: () => ({ [Symbol.asyncIterator]: openBatches }),
    [Symbol.asyncIterator]: () => itemsOf(openBatches()),
  };
}

/** The parser's options for `options`, defaults filled in. */
function parseOptionsOf(options: CsvReadOptions): CsvParseOptions {
  return {
    file: options.file,
    multiline: options.multiline ?? true,
    maxRecordChars: options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
    delimiter: options.delimiter ?? ',',
    trailingEmptyFields: options.trailingEmptyFields ?? 'reject',
  };
}

/** One item at a time out of the batches. */
function itemsOf(batches: AsyncIterator<readonly CsvItem[]>): AsyncIterator<CsvItem> {
  let batch: readonly CsvItem[] = [];
  let next = 0;
  return {
    next: async () => {
      while (next === batch.length) {
        const result = await batches.next();
        if (result.done) return { done: true, value: undefined };
        batch = result.value;
        next = 0;
      }
      return { done: false, value: batch[next++] as CsvItem };
    },
    return: async () => {
      await batches.return?.();
      return { done: true, value: undefined };
    },
  };
}
