import type { SyncJobEntity } from '../../src/jobs/sync-job.entity';
import type { LmsJobParams } from '../../src/records';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';
import { RosterFactory } from '../factories/roster.factory';

export interface JobOutcome {
  readonly job: SyncJobEntity;
  readonly issues: { severity: string; code: string; line: number | null; column: string | null; message: string; record_key: string | null }[];
}

/** A roster user whose LMS rows match by `uniqueid` (their identifier) or by `username`; returns their id. */
export async function lmsLearner(db: DataSource, username: string, identifier: string): Promise<string> {
  const f = new RosterFactory(db);
  const user = await f.user({ username, identifier });
  await f.identifiers([
    { userId: user.id, kind: 'identifier', value: identifier },
    { userId: user.id, kind: 'username', value: username },
  ]);
  return user.id;
}

/** Runs an `lms` job in the test process (as the CLI does) and returns it finished, with its issues. */
export async function runLms(app: TestApp, params: LmsJobParams, label = 'test'): Promise<JobOutcome> {
  const running = await app.runtime.runJob({ kind: 'lms', sourceLabel: label, params: { ...params } });
  const job = await running.finished;
  const issues = (await app.db.dataSource.query(
    `select severity, code, line, "column", message, record_key from sync_job_issue where job_id = $1 order by id`,
    [job.id],
  )) as JobOutcome['issues'];
  return { job, issues };
}

export interface RecordRow {
  kind: string;
  user_id: string | null;
  item: string;
  record_key: string;
  status: string;
  status_text: string | null;
  score: string | null;
  attempt: number | null;
  occurred_at: Date;
  completed_at: Date | null;
  valid_until: Date | null;
  as_of: string;
}

/** Every record of a system, in a stable order. */
export async function records(app: TestApp, system = 'lms'): Promise<RecordRow[]> {
  return (await app.db.dataSource.query(
    `select r.kind, r.user_id::text, i.name as item, regexp_replace(r.record_key, '^[0-9]+[|]', '') as record_key, r.status, r.status_text, r.score::text, r.attempt, r.occurred_at, r.completed_at,
            r.valid_until, to_char(r.as_of, 'YYYY-MM-DD') as as_of
       from learning_record r join learning_item i on i.id = r.item_id where r.system = $1 order by r.kind, i.name, r.record_key, r.person_id`,
    [system],
  )) as RecordRow[];
}

/** The status history of every record of a system, by the record's item (or person) and key. */
export async function histories(app: TestApp, system = 'lms', by: 'item' | 'person' = 'item'): Promise<Record<string, string[]>> {
  const owner = by === 'item' ? 'i.name' : 'p.person_key';
  const rows = (await app.db.dataSource.query(
    `select ${owner} || ' ' || regexp_replace(r.record_key, '^[0-9]+[|]', '') as k, array_agg(s.status order by s.id) as statuses
       from learning_record r join learning_item i on i.id = r.item_id left join external_person p on p.id = r.person_id
       join learning_record_status s on s.record_id = r.id
      where r.system = $1 group by 1 order by 1`,
    [system],
  )) as { k: string; statuses: string[] }[];
  return Object.fromEntries(rows.map((r) => [r.k, r.statuses]));
}

/** Every stored column of a system's records that a file decides, with its person's match, in a stable order. */
export async function storedRecords(app: TestApp | DataSource, system: string): Promise<unknown[]> {
  const db = 'db' in app ? app.db.dataSource : app;
  return (await db.query(
    `select r.kind, r.user_id::text, i.name as item, regexp_replace(r.record_key, '^[0-9]+[|]', '') as record_key, r.status, r.status_text,
            r.score::text, r.attempt, r.occurred_at, r.completed_at, r.valid_until, to_char(r.as_of, 'YYYY-MM-DD') as as_of, r.details, r.raw,
            p.person_key, p.user_id::text as person_user, p.status as match_status, p.method
       from learning_record r join learning_item i on i.id = r.item_id join external_person p on p.id = r.person_id
      where r.system = $1 order by i.name, 4, p.person_key`,
    [system],
  )) as unknown[];
}
