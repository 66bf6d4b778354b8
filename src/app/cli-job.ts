import { SingleBar } from 'cli-progress';
import type { NewSyncJob } from '../jobs/sync-job.service';
import type { SyncJobEntity } from '../jobs/sync-job.entity';
import { SyncJobStatus } from '../jobs/sync-job-status';
import type { Runtime } from './runtime';

/** Exit codes of `learngraph import ...`: 0 only when the job succeeded outright. */
export const EXIT = { SUCCEEDED: 0, FAILED: 1, COMPLETED_WITH_ERRORS: 2 } as const;

/**
 * Runs one job in this process with a live progress line on stderr, then prints its outcome
 * (counts per entity, the first issues, the failure) and returns the exit code.
 */
export async function runJobFromCli(runtime: Runtime, input: NewSyncJob, out: NodeJS.WriteStream = process.stderr): Promise<number> {
  const bar = new SingleBar({
    stream: out,
    format: `${input.kind} ${input.sourceLabel} [{phase}] {value} rows | {rejected} rejected | {warnings} warnings | {duration}s`,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 2_000,
  });
  bar.start(0, 0, { phase: 'queued', rejected: 0, warnings: 0 });
  const db = runtime.database.dataSource;
  let jobId: string | undefined;
  const poll = setInterval(() => {
    if (!jobId) return;
    void db
      .query(`select phase, rows_done, rejected, warnings from sync_job where id = $1`, [jobId])
      .then((rows: { phase: string; rows_done: string; rejected: number; warnings: number }[]) => {
        const row = rows[0];
        if (row) bar.update(Number(row.rows_done), { phase: row.phase, rejected: row.rejected, warnings: row.warnings });
      })
      .catch(() => {});
  }, 250);
  let job: SyncJobEntity;
  try {
    const running = await runtime.runJob(input);
    jobId = running.id;
    job = await running.finished;
  } finally {
    clearInterval(poll);
  }
  bar.update(Number(job.rowsDone), { phase: job.phase, rejected: job.rejected, warnings: job.warnings });
  bar.stop();
  out.write(describe(job));
  const issues = (await db.query(
    `select severity, code, file, line, "column", message from sync_job_issue where job_id = $1 order by id limit 20`,
    [job.id],
  )) as { severity: string; code: string; file: string | null; line: number | null; column: string | null; message: string }[];
  for (const i of issues) {
    out.write(`  ${i.severity.padEnd(7)} ${[i.file, i.line !== null ? `line ${i.line}` : null, i.column].filter(Boolean).join(', ')}: ${i.message} [${i.code}]\n`);
  }
  const more = job.rejected + job.warnings - issues.length;
  if (more > 0) out.write(`  ... and more; see syncJob(id: "${job.id}") { issues } in the graph\n`);
  switch (job.status as SyncJobStatus) {
    case SyncJobStatus.SUCCEEDED:
      return EXIT.SUCCEEDED;
    case SyncJobStatus.COMPLETED_WITH_ERRORS:
      return EXIT.COMPLETED_WITH_ERRORS;
    default:
      return EXIT.FAILED;
  }
}

function describe(job: SyncJobEntity): string {
  const lines = [`job ${job.id}: ${job.status}`];
  if (job.failureMessage) lines.push(`  failure: ${job.failureMessage}`);
  lines.push(`  added ${job.added}, updated ${job.updated}, deleted ${job.deleted}, unchanged ${job.unchanged}, rejected ${job.rejected}, warnings ${job.warnings}`);
  for (const [entity, c] of Object.entries(job.entityCounts)) {
    const shown = Object.entries(c).filter(([, n]) => n !== 0);
    if (shown.length > 0) lines.push(`  ${entity}: ${shown.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  const duplicate = job.result['duplicateOfJob'];
  if (duplicate) lines.push(`  already applied by job ${String(duplicate)}: nothing changed`);
  return `${lines.join('\n')}\n`;
}
