import { createDataSource } from '../src/db/data-source';
import { SyncJobEntity } from '../src/jobs/sync-job.entity';
import { importOneRoster } from '../src/roster/oneroster/importer';
import { createLogger } from '../src/shared/logger';
import { PhaseTimingReporter, type PhaseTime, QueryProfile, type TimedQuery } from './query-profile';

export interface ImportFigures {
  readonly seconds: number;
  readonly entities: Record<string, Record<string, number>>;
  readonly issues: number;
  /** Files and link tables the import applied as a first load (plain inserts; see first-load.ts). */
  readonly firstLoad: string[];
  readonly phases: PhaseTime[];
  /** Load time of each staged file (from its staging table's creation to the next one's). */
  readonly files: { file: string; ms: number }[];
  readonly queries: TimedQuery[];
  readonly queryMs: number;
  /** Highest RSS seen sampling every 100 ms, and the kernel's maxRSS of the process. */
  readonly peakRssMiB: number;
  readonly maxRssMiB: number;
  readonly baseRssMiB: number;
  /** CPU seconds (user + system) this process spent in the import: parsing, validating, driving. */
  readonly cpuSeconds: number;
}

/**
 * One real import, in this (child) process so that its memory is its own: a sync_job row, the
 * job's ProgressReporter, importOneRoster exactly as the worker calls it, STRICT mode.
 */
export async function runImport(dir: string, url: string, system: string): Promise<ImportFigures> {
  const baseRssMiB = process.memoryUsage.rss() / 2 ** 20;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
  const db = createDataSource(url, createLogger('error', 'bench'), { poolSize: 4 });
  await db.initialize();
  const profile = new QueryProfile();
  db.subscribers.push(profile);
  try {
    const repo = db.getRepository(SyncJobEntity);
    const job = await repo.save(repo.create({ kind: 'oneroster', sourceLabel: 'bench', params: { path: dir, system }, status: 'RUNNING' }));
    const controller = new AbortController();
    const progress = new PhaseTimingReporter(db, job.id, () => controller.abort(), profile);
    progress.start();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await importOneRoster(
      db,
      job.id,
      { path: dir, strictness: 'STRICT', dryRun: false, force: false, deleteThreshold: 0.2, system, label: 'bench' },
      progress,
      controller.signal,
    );
    const ended = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    progress.stop();
    await progress.flush();
    const [issues] = (await db.query(`select count(*)::int as n from sync_job_issue where job_id = $1`, [job.id])) as { n: number }[];
    const [jobRow] = (await db.query(`select result from sync_job where id = $1`, [job.id])) as { result: { firstLoad?: string[] } }[];
    const phases = progress.durations(ended);
    const loadingEnd = progress.phases.find((p) => p.phase === 'checking')?.at ?? ended;
    const files = profile.fileStarts.map((f, i) => ({ file: f.file, ms: (profile.fileStarts[i + 1]?.at ?? loadingEnd) - f.at }));
    return {
      seconds: (ended - started) / 1000,
      entities: result.entities as unknown as Record<string, Record<string, number>>,
      issues: issues?.n ?? 0,
      firstLoad: jobRow?.result.firstLoad ?? [],
      phases,
      files,
      queries: profile.top(25),
      queryMs: profile.totalMs(),
      peakRssMiB: Math.max(peak, process.memoryUsage.rss()) / 2 ** 20,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      baseRssMiB,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
  } finally {
    clearInterval(sampler);
    await db.destroy();
  }
}
