import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { rawCopyCsv } from '../raw-copy';
import { createIdentity } from '../../src/app/identity';
import { openPackage, stageFile } from '../../src/ingest';
import { ProgressReporter } from '../../src/jobs/progress-reporter';
import { SyncJobEntity } from '../../src/jobs/sync-job.entity';
import { importLmsFile, parseLmsOptions } from '../../src/records';
import { resolveColumns } from '../../src/records/lms/lms-columns';
import { LmsFileType } from '../../src/records/lms/lms-file-type';
import { LMS_STAGING_COLUMNS, lmsRowValidator } from '../../src/records/lms/lms-row-validator';

export interface ImportFigures {
  readonly rows: number;
  readonly rawCopySeconds: number;
  readonly importSeconds: number;
  readonly added: number;
}

const HEADER = ['username', 'uniqueid', 'Date', 'SCORM Name', 'Sco Name', 'Status', 'Attempt Number', 'Score'];
const STATUSES = ['passed', 'completed', 'failed', 'incomplete'];

/**
 * A SCORM file as the LMS writes it: every value quoted, CRLF, learners that exist; `nonce`
 * names the SCOs, so a new nonce makes every row a new record. `eol` '\n' writes the same
 * records as other bytes (the ledger skips only a file seen before): a re-export.
 */
export async function writeScormFile(file: string, rows: number, users: number, nonce = String(Date.now()), eol = '\r\n'): Promise<void> {
  const out = createWriteStream(file);
  const write = async (line: string): Promise<void> => {
    if (!out.write(line)) await once(out, 'drain');
  };
  const q = (values: (string | number)[]): string => values.map((v) => `"${v}"`).join(',') + eol;
  await write(q(HEADER));
  for (let i = 1; i <= rows; i++) {
    const u = 1 + ((i * 7) % users);
    const day = 1 + (i % 28);
    await write(q([`u${u}`, `S${u}`, `2026-02-${String(day).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`, `Bench Module ${i % 300}`, `SCO ${nonce}`, STATUSES[i % 4] as string, 1 + Math.floor(i / users), i % 100]));
  }
  out.end();
  await once(out, 'finish');
}

/** `COPY … (FORMAT csv, HEADER)` of the file into a text table with its columns: the floor. */
export function rawCopy(url: string, file: string): Promise<{ rows: number; seconds: number }> {
  return rawCopyCsv(url, file, HEADER);
}

/** The whole LMS import of the file, as a job runs it: ledger, parse, validate, stage, match, upsert, history. */
export async function lmsImport(db: DataSource, file: string, system: string): Promise<{ seconds: number; added: number; updated: number; unchanged: number }> {
  const job = await db.getRepository(SyncJobEntity).save({ kind: 'lms', sourceLabel: 'bench', params: {} });
  const progress = new ProgressReporter(db, job.id, () => {});
  const pkg = await openPackage(file);
  try {
    const started = process.hrtime.bigint();
    const result = await importLmsFile(
      { entry: pkg.entries[0]!, sourceLabel: 'bench' },
      parseLmsOptions({ system }),
      { db, identity: createIdentity(db), progress, signal: new AbortController().signal, jobId: job.id },
      false,
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await progress.flush();
    return { seconds, added: result.outcome?.added ?? 0, updated: result.outcome?.updated ?? 0, unchanged: result.outcome?.unchanged ?? 0 };
  } finally {
    await pkg.close();
  }
}

/**
 * The import's loading half alone, in a transaction rolled back: read the header, parse,
 * validate each row (dates, statuses, identity values) and COPY into staging. The rest of an
 * import is the set-based apply (matching, upserts, history).
 */
export async function lmsStageOnly(db: DataSource, file: string): Promise<{ rows: number; seconds: number }> {
  const pkg = await openPackage(file);
  const queryRunner = db.createQueryRunner();
  await queryRunner.connect();
  try {
    const entry = pkg.entries[0]!;
    const options = parseLmsOptions({});
    const started = process.hrtime.bigint();
    const columns = await resolveColumns(entry, LmsFileType.SCORM, options);
    await queryRunner.startTransaction();
    const staged = await stageFile(
      entry,
      { entry: entry.name, contract: columns.contract, staging: { table: 'lms_stage', columns: LMS_STAGING_COLUMNS }, validate: lmsRowValidator(LmsFileType.SCORM, columns, options) },
      { queryRunner, progress: { setPhase: () => {}, advance: () => {}, issue: () => {}, addCounts: () => {} }, signal: new AbortController().signal },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await queryRunner.rollbackTransaction();
    return { rows: staged.rowsStaged, seconds };
  } finally {
    await queryRunner.release();
    await pkg.close();
  }
}

/**
 * The import comparison `bench:history` prints: raw COPY, the loading half, a whole import
 * into a new system (every person and record new) and the same records once more as other
 * bytes (nothing changes). The system is removed afterwards, so runs on a reused data dir
 * start from the same tables. `profile` lists the import's slowest statements
 * (pg_stat_statements must be loaded).
 */
export async function compareImport(
  url: string,
  db: DataSource,
  users: number,
  rows: number,
  tmp: string,
  profile: boolean,
  log: (line: string) => void,
): Promise<string[]> {
  const file = path.join(tmp, 'SCORM20260301');
  const again = path.join(tmp, 'SCORM20260302');
  const nonce = String(Date.now());
  await writeScormFile(file, rows, users, nonce);
  await writeScormFile(again, rows, users, nonce, '\n');
  const copies = [await rawCopy(url, file), await rawCopy(url, file), await rawCopy(url, file)];
  const copy = copies.map((c) => c.seconds).sort((x, y) => x - y)[1] as number;
  const stages = [await lmsStageOnly(db, file), await lmsStageOnly(db, file), await lmsStageOnly(db, file)];
  const stage = stages.map((c) => c.seconds).sort((x, y) => x - y)[1] as number;
  const system = `bench-${nonce}`;
  const lines: string[] = [];
  const say = (...more: string[]): void => {
    for (const line of more) log(line);
    lines.push(...more);
  };
  try {
    say(
      `LMS import of a ${rows.toLocaleString('en')}-row SCORM file (${users.toLocaleString('en')} learners, all matched, every row a new attempt)`,
      `  raw COPY (csv) into a text table: ${copy.toFixed(2)} s (median of 3)`,
      `  loading half (header, parse, validate, COPY to staging; rolled back): ${stage.toFixed(2)} s (median of 3), ${(stage / copy).toFixed(1)}x raw COPY`,
    );
    if (profile) await db.query('select pg_stat_statements_reset()');
    const imported = await lmsImport(db, file, system);
    say(
      `  whole importLmsFile (ledger, load, match people, upsert records, status history; committed): ${imported.seconds.toFixed(2)} s, ${imported.added} records added`,
      `  ratio whole import / raw COPY: ${(imported.seconds / copy).toFixed(1)}x`,
    );
    if (profile) say(...(await slowest(db)));
    const floor = await insertFloor(db, system);
    say(
      `  floor of the apply: a bare INSERT of the same ${floor.rows.toLocaleString('en')} records into learning_record (no checks, no history; rolled back): ${floor.seconds.toFixed(2)} s, ${(floor.seconds / copy).toFixed(1)}x raw COPY`,
    );
    if (profile) await db.query('select pg_stat_statements_reset()');
    const reimported = await lmsImport(db, again, system);
    say(
      `  the same records again as other bytes: ${reimported.seconds.toFixed(2)} s (${reimported.added} added, ${reimported.updated} updated, ${reimported.unchanged} unchanged), ${(reimported.seconds / copy).toFixed(1)}x raw COPY`,
    );
    if (profile) say(...(await slowest(db)));
    say(...(await dailyImport(db, users, rows, tmp, copy, profile)));
    return lines;
  } finally {
    await forgetSystem(db, system);
  }
}

/**
 * A day's file in the seeded system: every learner known (their persons matched already, with
 * records), every row a new attempt. Its records and items are removed afterwards.
 */
export async function dailyImport(db: DataSource, users: number, rows: number, tmp: string, copySeconds: number, profile: boolean): Promise<string[]> {
  const file = path.join(tmp, 'SCORM20260303');
  const nonce = `daily-${Date.now()}`;
  await writeScormFile(file, rows, users, nonce);
  try {
    if (profile) await db.query('select pg_stat_statements_reset()');
    const daily = await lmsImport(db, file, SEEDED_SYSTEM);
    return [
      `  a day's file into the seeded system (persons known, records new): ${daily.seconds.toFixed(2)} s, ${daily.added} records added, ${(daily.seconds / copySeconds).toFixed(1)}x raw COPY`,
      ...(profile ? await slowest(db) : []),
    ];
  } finally {
    await db.transaction(async (tx) => {
      await tx.query(`delete from learning_record where system = $1 and details ->> 'scoName' = $2`, [SEEDED_SYSTEM, `SCO ${nonce}`]);
      await tx.query(`delete from learning_item i where i.system = $1 and not exists (select 1 from learning_record r where r.item_id = i.id) and i.source_key like 'Bench Module %'`, [SEEDED_SYSTEM]);
    });
    for (const table of ['learning_record_status', 'learning_record', 'external_person', 'learning_item']) await db.query(`vacuum analyze ${table}`);
  }
}

/** The system seed.ts fills. */
const SEEDED_SYSTEM = 'lms';

/**
 * What writing the file's records alone costs: the rows the import stored, inserted again under
 * another system by one plain INSERT (foreign-key triggers off, timeline order), rolled back.
 * The indexes of a table larger than shared buffers make most of it.
 */
async function insertFloor(db: DataSource, system: string): Promise<{ rows: number; seconds: number }> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await runner.query(`create temp table floor_rows on commit drop as select * from learning_record where system = $1`, [system]);
    await runner.query(`set local session_replication_role = replica`);
    const started = process.hrtime.bigint();
    const rows = (await runner.query(
      `with ins as (
         insert into learning_record (kind, system, person_id, user_id, item_id, record_key, status, status_text, score, attempt, occurred_at,
                                      completed_at, valid_until, as_of, details, raw, file_id)
         select kind, system || '-floor', person_id, user_id, item_id, record_key, status, status_text, score, attempt, occurred_at,
                completed_at, valid_until, as_of, details, raw, file_id from floor_rows order by user_id, occurred_at
         returning 1
       ) select count(*)::int as n from ins`,
    )) as { n: number }[];
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await runner.rollbackTransaction();
    return { rows: rows[0]?.n ?? 0, seconds };
  } finally {
    await runner.release();
  }
}

/** The statements of the last import by time, for finding where it goes. */
async function slowest(db: DataSource): Promise<string[]> {
  const rows = (await db.query(
    `select total_exec_time, calls, query from pg_stat_statements where total_exec_time > 20 and query not like '%pg_stat_statements%' order by total_exec_time desc limit 12`,
  )) as { total_exec_time: number; calls: string; query: string }[];
  return rows.map((r) => `    ${(r.total_exec_time / 1000).toFixed(3)} s  x${r.calls}  ${r.query.replace(/\s+/g, ' ').slice(0, 150)}`);
}

/** Deletes what the bench imported under `system` and vacuums, so the next run meets the same tables. */
async function forgetSystem(db: DataSource, system: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`delete from learning_record where system = $1`, [system]);
    await tx.query(`delete from external_person where system = $1`, [system]);
    await tx.query(`delete from learning_item where system = $1`, [system]);
  });
  for (const table of ['learning_record_status', 'learning_record', 'external_person', 'learning_item']) await db.query(`vacuum analyze ${table}`);
}
