import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ImsJobParams } from '../../src/ims';
import type { TestApp } from '../support/app';

/** The repository root (tests run from dist/test/ims). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The shared IMS samples, beside the project (never copied into it). */
export const IMS_SAMPLES = path.resolve(REPO_ROOT, '../shared/samples/ims-enterprise');

export const sample = (name: string): string => path.join(IMS_SAMPLES, name);

export interface ImsOutcome {
  readonly id: string;
  readonly status: string;
  readonly failureCode: string | null;
  readonly failureMessage: string | null;
  readonly counts: { added: number; updated: number; deleted: number; unchanged: number; rejected: number; warnings: number };
  /** Entity counts without zeros. */
  readonly entities: Record<string, Record<string, number>>;
  readonly result: Record<string, unknown>;
  /** `SEVERITY code line path key` for every issue, in order. */
  readonly issues: string[];
}

/** Queues an IMS import on the test app's worker and waits for it to finish. */
export async function importIms(app: TestApp, params: ImsJobParams & { path: string }): Promise<ImsOutcome> {
  const job = await app.runtime.services.syncJobs.enqueue({ kind: 'ims', sourceLabel: path.basename(params.path), params: { ...params } });
  return waitForJob(app, job.id);
}

export async function waitForJob(app: TestApp, id: string): Promise<ImsOutcome> {
  for (let i = 0; i < 1200; i++) {
    const rows = (await app.db.dataSource.query(`select * from sync_job where id = $1`, [id])) as Record<string, unknown>[];
    const row = rows[0] as Record<string, unknown>;
    if (['SUCCEEDED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED'].includes(String(row['status']))) {
      const issues = (await app.db.dataSource.query(
        `select severity, code, line, "column", record_key from sync_job_issue where job_id = $1 order by id`,
        [id],
      )) as { severity: string; code: string; line: number | null; column: string | null; record_key: string | null }[];
      const entities: Record<string, Record<string, number>> = {};
      for (const [entity, counts] of Object.entries(row['entity_counts'] as Record<string, Record<string, number>>)) {
        const kept = Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
        if (Object.keys(kept).length > 0) entities[entity] = kept;
      }
      return {
        id,
        status: String(row['status']),
        failureCode: row['failure_code'] as string | null,
        failureMessage: row['failure_message'] as string | null,
        counts: {
          added: row['added'] as number,
          updated: row['updated'] as number,
          deleted: row['deleted'] as number,
          unchanged: row['unchanged'] as number,
          rejected: row['rejected'] as number,
          warnings: row['warnings'] as number,
        },
        entities,
        result: row['result'] as Record<string, unknown>,
        issues: issues.map((i) => [i.severity, i.code, i.line ?? '-', i.column ?? '-', i.record_key ?? '-'].join(' ')),
      };
    }
    await sleep(50);
  }
  throw new Error(`job ${id} did not finish`);
}

/** Writes `xml` into `dir` as `name` and returns its path. */
export function writeXml(dir: string, name: string, xml: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, xml);
  return file;
}

/** Empties what IMS imports write, so each test starts from an empty roster. */
export async function resetRoster(app: TestApp): Promise<void> {
  await app.db.dataSource.query(
    `truncate class_group_member, class_group, ims_person_link, ims_group_link, enrollment, user_identifier, role, roster_user, class_term, class, course, org, ingest_file cascade`,
  );
}

export interface RosterView {
  readonly courses: string[];
  readonly classes: string[];
  readonly users: string[];
  readonly enrollments: string[];
  readonly groups: string[];
}

/**
 * The roster as compact sorted lines, for exact assertions:
 * users `sourcedId username given family email [deleted]`, enrollments
 * `class user role begin..end [suspended] [deleted]`, groups `class name: users`.
 */
export async function rosterView(app: TestApp): Promise<RosterView> {
  const q = async (text: string): Promise<string[]> => ((await app.db.dataSource.query(text)) as { line: string }[]).map((r) => r.line).sort();
  return {
    courses: await q(`select concat_ws(' ', system, sourced_id, '|', title, '|', course_code, case when deleted_at is not null then '[deleted]' end) as line from course`),
    classes: await q(
      `select concat_ws(' ', c.system, c.sourced_id, '|', c.title, '|', c.class_code, '| school', o.sourced_id, case when c.deleted_at is not null then '[deleted]' end) as line
         from class c join org o on o.id = c.school_id`,
    ),
    users: await q(
      `select concat_ws(' ', system, sourced_id, username, given_name, family_name, email, case when deleted_at is not null then '[deleted]' end) as line from roster_user`,
    ),
    enrollments: await q(
      `select concat_ws(' ', c.sourced_id, u.sourced_id, e.role, coalesce(e.begin_date::text, '') || '..' || coalesce(e.end_date::text, ''),
              case when (e.metadata ->> 'suspended')::boolean then '[suspended]' end, case when e.deleted_at is not null then '[deleted]' end) as line
         from enrollment e join class c on c.id = e.class_id join roster_user u on u.id = e.user_id`,
    ),
    groups: await q(
      `select c.sourced_id || ' ' || g.name || ': ' || coalesce(string_agg(u.sourced_id, ',' order by u.sourced_id) filter (where m.deleted_at is null), '') as line
         from class_group g join class c on c.id = g.class_id
         left join class_group_member m on m.group_id = g.id left join roster_user u on u.id = m.user_id
        group by c.sourced_id, g.name`,
    ),
  };
}
