import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../src/shared/domain-error';
import type { FileImporter, ImportContext, SpooledSourceFile, StreamImporter, StreamedSourceFile } from '../../src/sources';

/** What the test importer applied, one row per imported file (in its own table of the test database). */
export const IMPORT_TABLE = 'test_source_import';

export interface ImportedFile {
  readonly jobId: string;
  readonly sourceId: string;
  readonly name: string;
  readonly businessDate: string | null;
  readonly lines: number;
  readonly sha256: string;
}

/**
 * A stand-in for the real format importers: reads the stream line by line, checks that data
 * lines count up from 1 (so a byte read twice or skipped would show), and records one row per
 * file in one transaction, applied only when the whole file was read. Hooks let a test act
 * mid-read (cut the connection) or fail a file on purpose.
 */
export class CountingCsvImporter implements StreamImporter {
  readonly input = 'stream';
  /** Called after each data line, awaited: a test can cut the connection at line n. */
  onLine: ((line: number, file: StreamedSourceFile) => void | Promise<void>) | undefined;
  /** Names that fail with INVALID_FILE (after reading them whole). */
  failNames = new Set<string>();
  /** The format options of the last import (the source's `formatOptions`). */
  lastOptions: Record<string, unknown> | undefined;

  constructor(readonly format: string = 'lms') {}

  /** Refuses `{ "invalid": true }`, to show sources ask their importer before saving options. */
  validateOptions(options: unknown): void {
    if ((options as { invalid?: unknown }).invalid === true) throw new Error('"invalid" is not an option of this importer');
  }

  /** Files named `UNSUPPORTED*` match patterns but are not this importer's. */
  accepts(name: string): boolean {
    return !/^UNSUPPORTED/i.test(name);
  }

  async import(file: StreamedSourceFile, options: Record<string, unknown>, context: ImportContext): Promise<void> {
    this.lastOptions = options;
    const hash = createHash('sha256');
    file.stream.on('data', (chunk: Buffer) => hash.update(chunk));
    let lines = 0;
    let header = true;
    for await (const line of createInterface({ input: file.stream, crlfDelay: Infinity })) {
      context.signal.throwIfAborted();
      if (header) {
        header = false;
        continue;
      }
      lines += 1;
      const n = Number(line.split(',')[0]);
      if (n !== lines) throw new DomainError('INVALID_FILE', `${file.name} line ${lines + 1}: expected row ${lines}, read "${line.slice(0, 40)}"`);
      await this.onLine?.(lines, file);
    }
    if (this.failNames.has(file.name)) throw new DomainError('INVALID_FILE', `${file.name}: failed on purpose`);
    await context.db.transaction(async (em) => {
      await em.query(`insert into ${IMPORT_TABLE} (job_id, source_id, name, business_date, lines, sha256) values ($1, $2, $3, $4, $5, $6)`, [
        context.job.id,
        file.sourceId,
        file.name,
        file.businessDate,
        lines,
        hash.digest('hex'),
      ]);
    });
    context.progress.addCounts({ added: lines });
    context.progress.setDone(lines);
  }
}

export async function createImportTable(db: DataSource): Promise<void> {
  await db.query(`create table if not exists ${IMPORT_TABLE} (
    id bigint generated always as identity primary key, job_id bigint not null, source_id bigint not null, name text not null,
    business_date date, lines integer not null, sha256 text not null, imported_at timestamptz not null default clock_timestamp())`);
}

/** Everything the importer applied, in the order it applied it. */
export async function importedFiles(db: DataSource): Promise<ImportedFile[]> {
  const rows = (await db.query(
    `select job_id::text as "jobId", source_id::text as "sourceId", name, business_date::text as "businessDate", lines, sha256 from ${IMPORT_TABLE} order by id`,
  )) as ImportedFile[];
  return rows;
}

/** A CSV whose data lines are numbered from 1, as the importer checks. */
export function numberedCsv(lines: number, width = 40): string {
  const pad = 'x'.repeat(width);
  let out = 'n,text\n';
  for (let i = 1; i <= lines; i++) out += `${i},${pad}\n`;
  return out;
}

/**
 * The same importer for formats that need a whole local file (zip packages): it gets a
 * spooled copy and its digest, and checks the copy is gone afterwards.
 */
export class SpoolingCsvImporter implements FileImporter {
  readonly input = 'file';
  /** Local copies it was given, with whether each still existed while it read. */
  readonly spooled: { path: string; sha256: string; existed: boolean }[] = [];

  constructor(readonly format: string) {}

  accepts(): boolean {
    return true;
  }

  async import(file: SpooledSourceFile, options: Record<string, unknown>, context: ImportContext): Promise<void> {
    this.spooled.push({ path: file.path, sha256: file.sha256.toString('hex'), existed: existsSync(file.path) });
    const { name, remotePath, size, businessDate, sourceId, sourceLabel } = file;
    await new CountingCsvImporter(this.format).import(
      { name, remotePath, size, businessDate, sourceId, sourceLabel, stream: createReadStream(file.path) },
      options,
      context,
    );
  }
}
