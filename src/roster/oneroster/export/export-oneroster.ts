import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource, QueryRunner } from 'typeorm';
import { DomainError } from '../../../shared/domain-error';
import { columnsFor } from '../columns';
import type { OneRosterVersion, RosterFile } from '../versions';
import { type CsvCell, CsvFileWriter } from './csv-file-writer';
import { buildExportSets } from './export-sets';
import type { ExportQuery } from './export-query';
import { cursorPages } from './cursor-pages';
import { writeManifest } from './manifest-file';
import { classesQuery, coursesQuery, demographicsQuery, enrollmentsQuery, orgsQuery, sessionsQuery } from './record-queries';
import { rolesQuery, userProfilesQuery, usersQuery } from './user-queries';

export interface OneRosterExportOptions {
  /** A folder that does not exist yet or is empty: stale files would join the package. */
  readonly dir: string;
  readonly version: OneRosterVersion;
  /** The source system whose records are exported. */
  readonly system: string;
  /** Rows per database round trip (and the most rows held in memory). */
  readonly pageSize?: number;
  /** Hears each file as it is finished. */
  readonly onFile?: (file: ExportedFile) => void;
}

export interface ExportedFile {
  readonly file: RosterFile;
  /** Rows written; 0 means the file was left out and declared absent. */
  readonly rows: number;
  /** Live records not written because a record they require was not exported (see export-sets.ts). */
  readonly skipped: number;
}

export interface OneRosterExportResult {
  readonly dir: string;
  readonly version: OneRosterVersion;
  readonly files: readonly ExportedFile[];
}

function queriesFor(version: OneRosterVersion): ExportQuery[] {
  return [
    sessionsQuery,
    orgsQuery,
    coursesQuery,
    classesQuery,
    usersQuery(version),
    ...(version === '1.2' ? [userProfilesQuery, rolesQuery] : []),
    demographicsQuery(version),
    enrollmentsQuery(version),
  ];
}

/**
 * Writes one system's roster as a OneRoster bulk package (a folder of CSVs and manifest.csv).
 * Everything is read in one REPEATABLE READ transaction, so the files agree with each other
 * even while imports run; rows stream through a cursor a page at a time, so memory stays flat
 * for any district.
 */
export async function exportOneRoster(db: DataSource, options: OneRosterExportOptions): Promise<OneRosterExportResult> {
  await prepareDir(options.dir);
  const runner = db.createQueryRunner();
  await runner.connect();
  const files: ExportedFile[] = [];
  try {
    // Not READ ONLY: the export sets are temp tables, which a read-only transaction may not create.
    await runner.startTransaction('REPEATABLE READ');
    // Each file is one pass over a whole table: hash joins and one sort are right for that
    // whatever the statistics say, and right after a big import (before autovacuum has analysed
    // the tables) the planner would otherwise nest loops over a million rows. Per-row lookups
    // are scalar subqueries (index scans), which this does not touch.
    await runner.query('set local enable_nestloop = off');
    await runner.query('set local cursor_tuple_fraction = 1');
    await buildExportSets(runner, options.system, options.version);
    for (const query of queriesFor(options.version)) {
      const exported = await exportFile(runner, query, options);
      files.push(exported);
      options.onFile?.(exported);
    }
    await writeManifest(path.join(options.dir, 'manifest.csv'), options.version, new Set(files.filter((f) => f.rows > 0).map((f) => f.file)), options.system);
  } finally {
    // Nothing was written to the database; rolling back drops the temp tables.
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
  return { dir: options.dir, version: options.version, files };
}

async function exportFile(runner: QueryRunner, query: ExportQuery, options: OneRosterExportOptions): Promise<ExportedFile> {
  const spec = columnsFor(options.version, query.file);
  if (!spec) throw new Error(`${query.file} is not a OneRoster ${options.version} file`);
  const expressions = spec.map((c) => {
    const expr = query.columns[c.name];
    if (expr === undefined) throw new Error(`the ${query.file} export has no expression for column ${c.name}`);
    return expr;
  });
  const where = `t.system = $1 and t.deleted_at is null${query.where ? ` and (${query.where})` : ''}`;
  const keys = await metadataKeys(runner, query, where, options.system);
  const header = [...spec.map((c) => c.name), ...keys.map((k) => `metadata.${k}`)];
  const select = [...expressions.map((e, i) => `${e} as c${i}`), ...(keys.length > 0 ? ['t.metadata as __metadata'] : [])].join(', ');
  // Ordered by id: the same data always gives the same bytes.
  const sql = `select ${select} from ${query.from} where ${where} order by t.id`;

  const file = path.join(options.dir, `${query.file}.csv`);
  const writer = new CsvFileWriter(file, header);
  try {
    const pages = cursorPages<Row>(runner, sql, [options.system], options.pageSize ?? 5_000);
    for await (const page of pages) {
      await writer.write(page.map((row) => [...expressions.map((_, i) => row[`c${i}`] as CsvCell), ...keys.map((k) => metadataCell(row.__metadata?.[k]))]));
    }
    await writer.end();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  // "Files that contain no data rows are NOT permitted": an empty file is declared absent instead.
  if (writer.rowCount === 0) await rm(file);
  const [live] = (await runner.query(`select count(*)::int as n from ${query.table} t where t.system = $1 and t.deleted_at is null`, [options.system])) as { n: number }[];
  return { file: query.file, rows: writer.rowCount, skipped: (live?.n ?? 0) - writer.rowCount };
}

type Row = { __metadata?: Record<string, unknown> | null } & Record<string, unknown>;

/** The union of the file's `metadata` keys, sorted: each becomes a `metadata.<key>` column after the spec's. */
async function metadataKeys(runner: QueryRunner, query: ExportQuery, where: string, system: string): Promise<string[]> {
  const rows = (await runner.query(
    `select distinct k.key from ${query.from} cross join lateral jsonb_object_keys(t.metadata) as k(key)
      where ${where} and t.metadata <> '{}'::jsonb order by 1`,
    [system],
  )) as { key: string }[];
  return rows.map((r) => r.key);
}

/** Imports keep `metadata.*` cells as strings; anything else (set by other means) is written as JSON. */
function metadataCell(value: unknown): CsvCell {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function prepareDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const entries = await readdir(dir);
  if (entries.length > 0) throw new DomainError('CONFLICT', `${dir} is not empty; export into a new or empty folder, so that no stale file joins the package`);
}
