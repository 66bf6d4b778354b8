import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { format } from 'fast-csv';

export type CsvCell = string | null;

/**
 * A CSV file written as rows arrive, waiting whenever the disk is slower than the database,
 * so memory holds one batch at most. RFC 4180 as OneRoster wants it: CRLF, quotes only where a
 * field needs them (a comma-separated list, a quote), no BOM.
 *
 * No formula-injection guard here, on purpose: OneRoster files are machine-read and must
 * round-trip exactly (a sourcedId may well start with '-' or '='); that guard belongs to CSV
 * reports meant for spreadsheets.
 */
export class CsvFileWriter {
  private readonly csv;
  private readonly done: Promise<void>;
  private rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.csv = format<CsvCell[], CsvCell[]>({ headers: [...header], rowDelimiter: '\r\n', includeEndRowDelimiter: true });
    this.done = pipeline(this.csv, createWriteStream(path));
    // A failure surfaces from `done` (awaited in end() or raced in write()); never unhandled.
    this.done.catch(() => {});
  }

  get rowCount(): number {
    return this.rows;
  }

  async write(rows: readonly CsvCell[][]): Promise<void> {
    for (const row of rows) {
      this.rows++;
      if (!this.csv.write(row)) await Promise.race([once(this.csv, 'drain'), this.done]);
    }
  }

  async end(): Promise<void> {
    this.csv.end();
    await this.done;
  }

  /** Stops writing after a failure elsewhere; the partial file is the caller's to remove. */
  async abort(): Promise<void> {
    this.csv.destroy();
    await this.done.catch(() => {});
  }
}
