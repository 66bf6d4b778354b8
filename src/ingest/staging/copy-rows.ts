import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { QueryRunner } from 'typeorm';
import { copyTextRow, UnencodableValueError } from './copy-text';
import { pgClientOf } from './pg-client';
import { LINE_COLUMN, quoteIdentifier, type StagingTable } from './staging-table';

/** A row for the staging table: its source line and one value per staging column. */
export interface StagingRow {
  readonly line: number;
  readonly values: readonly (string | null)[];
}

export interface CopyRowsOptions {
  readonly signal?: AbortSignal;
  /** Called for a row that cannot be stored (a NUL in a value), which is then left out. Without it, such a row fails the copy. */
  readonly onUnencodable?: (row: StagingRow, error: UnencodableValueError) => void;
}

/** Rows are sent in chunks of about this many characters (fewer, larger socket writes). */
export const COPY_CHUNK_CHARS = 64 * 1024;

/**
 * Streams `rows` into the staging table with one `COPY … FROM STDIN` on the query runner's
 * connection (so inside its transaction). Rows are pulled only as fast as Postgres takes
 * them; at most a few chunks are in memory. Aborting sends CopyFail, which fails the
 * statement and so the transaction. Resolves to the number of rows copied.
 */
export async function copyRows(
  queryRunner: QueryRunner,
  staging: StagingTable,
  rows: AsyncIterable<StagingRow>,
  options: CopyRowsOptions = {},
): Promise<number> {
  const { onUnencodable } = options;
  async function* chunks(): AsyncGenerator<string> {
    let chunk = '';
    for await (const row of rows) {
      let text: string;
      try {
        text = stagingRowText(staging, row);
      } catch (error) {
        if (!(error instanceof UnencodableValueError) || !onUnencodable) throw error;
        onUnencodable(row, error);
        continue;
      }
      chunk += text;
      if (chunk.length >= COPY_CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk.length > 0) yield chunk;
  }
  return copyText(queryRunner, staging, chunks(), options.signal);
}

/**
 * One staging row as a line of COPY text (its source line first). Throws UnencodableValueError
 * for a value Postgres cannot hold; any other mismatch is a bug in the caller.
 */
export function stagingRowText(staging: StagingTable, row: StagingRow): string {
  if (row.values.length !== staging.columns.length) {
    throw new Error(`staging row for line ${row.line} has ${row.values.length} values; ${staging.table} has ${staging.columns.length} columns`);
  }
  return row.line + '\t' + copyTextRow(row.values);
}

/**
 * The COPY itself, for callers that encode rows with stagingRowText as they produce them:
 * `chunks` are whole lines of COPY text, pulled only as fast as Postgres takes them.
 */
export async function copyText(queryRunner: QueryRunner, staging: StagingTable, chunks: AsyncIterable<string>, signal?: AbortSignal): Promise<number> {
  const client = await pgClientOf(queryRunner);
  const columns = [LINE_COLUMN, ...staging.columns].map(quoteIdentifier).join(', ');
  const copy = client.query(copyFrom(`copy ${quoteIdentifier(staging.table)} (${columns}) from stdin`));
  try {
    await pipeline(Readable.from(chunks), copy, signal ? { signal } : {});
  } catch (error) {
    // Streams report an abort as a generic AbortError; callers expect the signal's reason,
    // as `signal.throwIfAborted()` gives it everywhere else.
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
  return copy.rowCount;
}
