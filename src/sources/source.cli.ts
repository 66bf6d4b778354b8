import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import type { DataSource } from 'typeorm';
import type { SourceService } from './source.service';

interface SyncRuntime {
  readonly db: DataSource;
  readonly sources: SourceService;
}

/**
 * `learngraph sync <source>`: runs a source's sync now and waits for its whole chain (the
 * listing, then one import per file). The imports are queued jobs, so this process works on
 * the queue while it waits; so may any other worker. Exit code 0 when every job succeeded,
 * 2 when some rows were rejected, 1 when a job failed.
 */
export function syncCommand(withRuntime: (fn: (runtime: SyncRuntime) => Promise<number>) => Promise<number>): Command {
  return new Command('sync')
    .description('Sync a source now (by name or id) and wait for its imports; progress on stderr.')
    .argument('<source>', "the source's name or id")
    .action(async (nameOrId: string) => {
      process.exitCode = await withRuntime(async ({ db, sources }) => {
        const rows = (await db.query(`select id from source where name = $1 or id::text = $1 order by (name = $1) desc limit 1`, [nameOrId])) as { id: string }[];
        const id = rows[0]?.id;
        if (!id) {
          process.stderr.write(`no source named or numbered "${nameOrId}"\n`);
          return 1;
        }
        const started = await sources.runSync(id, null);
        process.stderr.write(`sync job ${started.id} started\n`);
        for (;;) {
          const busy = (await db.query(`select count(*)::int as n from sync_job where source_id = $1 and status in ('QUEUED', 'RUNNING')`, [id])) as { n: number }[];
          if ((busy[0]?.n ?? 0) === 0) break;
          await sleep(500);
        }
        const jobs = (await db.query(
          `select id, kind, source_label, status, added, updated, rejected, failure_message from sync_job where source_id = $1 and id >= $2 order by id`,
          [id, started.id],
        )) as { id: string; kind: string; source_label: string; status: string; added: number; updated: number; rejected: number; failure_message: string | null }[];
        for (const j of jobs) {
          process.stderr.write(`job ${j.id} ${j.kind} ${j.source_label}: ${j.status}, added ${j.added}, updated ${j.updated}, rejected ${j.rejected}${j.failure_message ? ` (${j.failure_message})` : ''}\n`);
        }
        if (jobs.some((j) => j.status === 'FAILED' || j.status === 'CANCELLED')) return 1;
        return jobs.some((j) => j.status === 'COMPLETED_WITH_ERRORS') ? 2 : 0;
      });
    });
}
