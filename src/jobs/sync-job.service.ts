import type { DataSource } from 'typeorm';
import { raw, sql, type Sql } from '../db/sql';
import { type ListQuery, type Page, type PageRequest, countRows, fetchPage, pageWindow } from '../graphql/relay/keyset';
import { DomainError, notFound } from '../shared/domain-error';
import type { JobEvents } from './job-events';
import { SharedJobReads } from './shared-job-reads';
import type { JobQueue } from './queue';
import { isTerminal, type IssueSeverity, type SyncJobStatus } from './sync-job-status';
import { SyncJobEntity } from './sync-job.entity';

export interface NewSyncJob {
  readonly kind: string;
  readonly sourceLabel: string;
  readonly params?: Record<string, unknown>;
  readonly sourceId?: string | null;
  readonly createdByKeyId?: string | null;
}

export interface SyncJobFilter {
  readonly status?: readonly SyncJobStatus[] | null;
  readonly kind?: string | null;
}

/** Sync jobs: create and queue them, read them, cancel them, watch them change. */
export class SyncJobService {
  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly events: JobEvents,
    private readonly maxPageSize: number,
  ) {}

  /** Subscribers of one job share one read per change (see SharedJobReads). */
  private readonly reads = new SharedJobReads(this.events, (id) => this.get(id));

  /**
   * Records a job without queueing it, for a process that runs it itself (the CLI): it is
   * listed and watchable like any other.
   */
  async record(input: NewSyncJob): Promise<SyncJobEntity> {
    const repo = this.db.getRepository(SyncJobEntity);
    return repo.save(
      repo.create({
        kind: input.kind,
        sourceLabel: input.sourceLabel,
        params: input.params ?? {},
        sourceId: input.sourceId ?? null,
        createdByKeyId: input.createdByKeyId ?? null,
      }),
    );
  }

  /** Records the job and puts it on the queue; returns at once with the QUEUED job. */
  async enqueue(input: NewSyncJob): Promise<SyncJobEntity> {
    const job = await this.record(input);
    try {
      await this.queue.enqueue(job.id);
    } catch (error) {
      await this.db.query(
        `update sync_job set status = 'FAILED', failure_code = 'QUEUE', failure_message = $2, finished_at = now() where id = $1`,
        [job.id, 'The job could not be queued'],
      );
      throw error;
    }
    return job;
  }

  async get(id: string): Promise<SyncJobEntity> {
    const job = await this.db.getRepository(SyncJobEntity).findOneBy({ id });
    if (!job) throw notFound('SyncJob', id);
    return job;
  }

  async getMany(ids: readonly string[]): Promise<(SyncJobEntity | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.getRepository(SyncJobEntity).createQueryBuilder('j').where('j.id = any(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * Asks a job to stop. A queued job is cancelled at once; a running one stops at its next
   * progress flush (within a second) and applies nothing.
   */
  async cancel(id: string): Promise<SyncJobEntity> {
    const job = await this.get(id);
    if (isTerminal(job.status as SyncJobStatus)) {
      throw new DomainError('CONFLICT', `SyncJob ${id} has already finished (${job.status})`, { status: job.status });
    }
    await this.db.query(
      `update sync_job set cancel_requested_at = coalesce(cancel_requested_at, now()),
         status = case when status = 'QUEUED' then 'CANCELLED' else status end,
         finished_at = case when status = 'QUEUED' then now() else finished_at end,
         phase = case when status = 'QUEUED' then 'done' else phase end
       where id = $1 and status in ('QUEUED', 'RUNNING')`,
      [id],
    );
    return this.get(id);
  }

  listQuery(filter: SyncJobFilter): ListQuery {
    const where: Sql[] = [];
    if (filter.status?.length) where.push(sql`j.status = any(${[...filter.status]}::text[])`);
    if (filter.kind) where.push(sql`j.kind = ${filter.kind}`);
    return { key: 'syncJobs', select: raw('j.id'), from: raw('sync_job j'), where, order: [{ expr: 'j.id', direction: 'desc' }] };
  }

  /** Newest first. Pages carry ids; rows are then loaded as entities in one statement. */
  async list(filter: SyncJobFilter, args: PageRequest): Promise<{ page: Page<SyncJobEntity>; total: () => Promise<number> }> {
    const query = this.listQuery(filter);
    const idPage = await fetchPage<{ id: string }>(this.db, query, pageWindow(query, args, this.maxPageSize));
    const entities = await this.getMany(idPage.rows.map((r) => r.id));
    return {
      page: { ...idPage, rows: entities.filter((e): e is SyncJobEntity => e !== null) },
      total: () => countRows(this.db, query),
    };
  }

  issuesQuery(severity: IssueSeverity | null | undefined): ListQuery {
    const where: Sql[] = [];
    if (severity) where.push(sql`i.severity = ${severity}`);
    return {
      key: `issues:${severity ?? 'all'}`,
      select: raw('i.id, i.severity, i.code, i.message, i.file, i.line, i."column", i.record_key'),
      from: raw('sync_job_issue i'),
      where,
      order: [{ expr: 'i.id', direction: 'asc' }],
    };
  }

  /**
   * The job's state now, then again on every change (from any process, via NOTIFY) and at
   * least once a second while it runs, until it finishes. A late subscriber starts from the
   * current state, so nothing is missed between fetching and listening.
   */
  async *watch(id: string): AsyncGenerator<SyncJobEntity> {
    let changed = false;
    let wake: (() => void) | undefined;
    const stop = this.reads.retain(id, () => {
      changed = true;
      wake?.();
    });
    try {
      for (;;) {
        changed = false;
        const job = await this.reads.read(id);
        yield job;
        if (isTerminal(job.status as SyncJobStatus)) return;
        if (!changed) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 1_000);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
        }
      }
    } finally {
      stop();
    }
  }
}
