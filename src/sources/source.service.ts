import type { DataSource, EntityManager } from 'typeorm';
import { raw, sql, type Sql } from '../db/sql';
import { type ListQuery, type Page, type PageRequest, countRows, fetchPage, pageWindow } from '../graphql/relay/keyset';
import type { SyncJobEntity } from '../jobs/sync-job.entity';
import { DomainError, notFound } from '../shared/domain-error';
import type { ImporterRegistry } from './importers/importer-registry';
import type { SourceScheduler } from './schedule/source-scheduler';
import type { SourceFileStatus } from './source-file-status';
import { ProcessedFileAction, type SourceFormat, type SourceKind } from './source-enums';
import type { SourceInputData } from './source-input';
import type { SecretName, SourceSecrets } from './source-secrets';
import { DEFAULT_LOOKBACK_DAYS, DEFAULT_PATTERNS, DEFAULT_SETTLE_SECONDS, type SourceSettings, validateSettings } from './source-settings';
import { SourceEntity } from './source.entity';
import { SOURCE_IMPORT_KIND, SOURCE_SYNC_KIND } from './sync/job-kinds';
import type { SyncStarter } from './sync/sync-starter';
import type { SourceTestReport, SourceTester } from './source-tester';
import type { StoredSchedule } from '../jobs/queue';

const UNIQUE_VIOLATION = '23505';

/**
 * Sources: create, change, delete and read them, and ask for syncs. Every write validates the
 * whole resulting configuration, seals secrets, and brings the pg-boss schedule in step inside
 * the same transaction (a failed schedule change rolls the write back).
 */
export class SourceService {
  constructor(
    private readonly db: DataSource,
    private readonly secrets: SourceSecrets,
    private readonly scheduler: SourceScheduler,
    private readonly starter: SyncStarter,
    private readonly tester: SourceTester,
    private readonly importers: ImporterRegistry,
    private readonly folderRoots: readonly string[],
    private readonly maxPageSize: number,
  ) {}

  async create(input: SourceInputData): Promise<SourceEntity> {
    if (!input.name || !input.kind || !input.format || input.folder === undefined) {
      throw new DomainError('BAD_USER_INPUT', 'A source needs a name, kind, format and folder');
    }
    const settings = validateSettings(
      {
        name: input.name,
        kind: input.kind,
        format: input.format,
        host: input.host ?? null,
        port: input.port ?? null,
        username: input.username ?? null,
        hostKeyFingerprint: input.hostKeyFingerprint ?? null,
        folder: input.folder,
        filePatterns: input.filePatterns ?? DEFAULT_PATTERNS[input.format],
        scheduleCron: input.schedule ?? null,
        timeZone: input.timeZone ?? 'UTC',
        lookbackDays: input.lookbackDays ?? DEFAULT_LOOKBACK_DAYS,
        settleSeconds: input.settleSeconds ?? DEFAULT_SETTLE_SECONDS,
        processedAction: input.processedAction ?? ProcessedFileAction.LEAVE,
        archiveFolder: input.archiveFolder ?? null,
        formatOptions: input.formatOptions ?? {},
      },
      { password: Boolean(input.password), privateKey: Boolean(input.privateKey) },
      this.folderRoots,
    );
    this.checkFormatOptions(settings);
    return this.write(async (em) => {
      const repo = em.getRepository(SourceEntity);
      const entity = repo.create({ ...toColumns(settings), ...this.sealAll(input, { passwordEnc: null, privateKeyEnc: null, passphraseEnc: null }) });
      const saved = await repo.save(entity);
      await this.scheduler.apply(saved);
      return saved;
    });
  }

  async update(id: string, patch: SourceInputData): Promise<SourceEntity> {
    return this.write(async (em) => {
      const repo = em.getRepository(SourceEntity);
      const current = await repo.createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
      if (!current) throw notFound('Source', id);
      const sealed = this.sealAll(patch, current);
      const settings = validateSettings(
        {
          name: patch.name ?? current.name,
          kind: patch.kind ?? (current.kind as SourceKind),
          format: patch.format ?? (current.format as SourceFormat),
          host: keep(patch.host, current.host),
          port: keep(patch.port, current.port),
          username: keep(patch.username, current.username),
          hostKeyFingerprint: keep(patch.hostKeyFingerprint, current.hostKeyFingerprint),
          folder: patch.folder ?? current.folder,
          filePatterns: patch.filePatterns ?? (patch.format ? DEFAULT_PATTERNS[patch.format] : current.filePatterns),
          scheduleCron: keep(patch.schedule, current.scheduleCron),
          timeZone: patch.timeZone ?? current.timeZone,
          lookbackDays: patch.lookbackDays ?? current.lookbackDays,
          settleSeconds: patch.settleSeconds ?? current.settleSeconds,
          processedAction: patch.processedAction ?? (current.processedAction as ProcessedFileAction),
          archiveFolder: keep(patch.archiveFolder, current.archiveFolder),
          formatOptions: patch.formatOptions ?? current.formatOptions,
        },
        { password: sealed.passwordEnc !== null, privateKey: sealed.privateKeyEnc !== null },
        this.folderRoots,
      );
      this.checkFormatOptions(settings);
      const saved = await repo.save(Object.assign(current, toColumns(settings), sealed));
      await this.scheduler.apply(saved);
      return saved;
    });
  }

  /**
   * Deletes the source, its ledger and its schedule; its jobs stay as history. Queued or
   * running jobs of the source are asked to stop first.
   */
  async delete(id: string): Promise<void> {
    await this.write(async (em) => {
      const found = await em.query(`delete from source where id = $1 returning id`, [id]);
      if ((found as [unknown[], number])[1] === 0) throw notFound('Source', id);
      await em.query(
        `update sync_job set cancel_requested_at = coalesce(cancel_requested_at, now()),
           status = case when status = 'QUEUED' then 'CANCELLED' else status end,
           finished_at = case when status = 'QUEUED' then now() else finished_at end
         where source_id = $1 and kind = any($2::text[]) and status in ('QUEUED', 'RUNNING')`,
        [id, [SOURCE_SYNC_KIND, SOURCE_IMPORT_KIND]],
      );
      await this.scheduler.remove(id);
    });
  }

  async get(id: string): Promise<SourceEntity> {
    const source = await this.db.getRepository(SourceEntity).findOneBy({ id });
    if (!source) throw notFound('Source', id);
    return source;
  }

  async getMany(ids: readonly string[]): Promise<(SourceEntity | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.getRepository(SourceEntity).createQueryBuilder('s').where('s.id = any(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Sources by name. Pages carry ids; rows are then loaded in one statement. */
  async list(args: PageRequest): Promise<{ page: Page<SourceEntity>; total: () => Promise<number> }> {
    const query: ListQuery = { key: 'sources', select: raw('s.id'), from: raw('source s'), where: [], order: [{ expr: 's.name', direction: 'asc' }, { expr: 's.id', direction: 'asc' }] };
    const idPage = await fetchPage<{ id: string }>(this.db, query, pageWindow(query, args, this.maxPageSize));
    const rows = await this.getMany(idPage.rows.map((r) => r.id));
    return { page: { ...idPage, rows: rows.filter((r): r is SourceEntity => r !== null) }, total: () => countRows(this.db, query) };
  }

  /** Queues a sync now (or returns the one under way); see SyncStarter. */
  async runSync(id: string, createdByKeyId: string | null): Promise<SyncJobEntity> {
    return (await this.starter.requestSync(id, 'manual', createdByKeyId)).job;
  }

  /** What a schedule tick does: the same as runSync, skipped when a sync is under way. */
  async onScheduleTick(id: string): Promise<{ job: SyncJobEntity; started: boolean } | null> {
    const exists = await this.db.getRepository(SourceEntity).existsBy({ id });
    if (!exists) {
      // A schedule that outlived its source (deleted while pg-boss was unreachable): drop it.
      await this.scheduler.remove(id);
      return null;
    }
    return this.starter.requestSync(id, 'schedule', null);
  }

  async test(id: string): Promise<SourceTestReport> {
    return this.tester.test(await this.get(id));
  }

  /** pg-boss's stored schedules of sources (for operators and tests). */
  schedules(): Promise<StoredSchedule[]> {
    return this.scheduler.list();
  }

  /** Brings pg-boss's schedules in line with the sources table (at start-up). */
  async reconcileSchedules(): Promise<void> {
    await this.scheduler.reconcile(await this.db.getRepository(SourceEntity).find({ select: { id: true, scheduleCron: true, timeZone: true } }));
  }

  /** The ledger of a source, newest first, as a nested list (`parent` is `f.source_id`). */
  filesQuery(status: readonly SourceFileStatus[] | null | undefined): ListQuery {
    const where: Sql[] = [];
    if (status?.length) where.push(sql`f.status = any(${[...status]}::text[])`);
    return {
      key: `sourceFiles:${status?.join(',') ?? 'all'}`,
      select: raw(`f.id, f.source_id, f.path, f.name, f.size, f.modified_at, f.business_date::text as business_date, f.status, f.sha256,
        f.attempts, f.resumes, f.job_id, f.error, f.disposition, f.archived_path, f.disposition_error, f.first_seen_at, f.last_seen_at,
        f.stable_at, f.imported_at`),
      from: raw('source_file f'),
      where,
      order: [{ expr: 'f.id', direction: 'desc' }],
    };
  }

  /** The source's syncs and imports, newest first (`parent` is `j.source_id`). */
  syncJobsQuery(): ListQuery {
    return {
      key: 'sourceSyncJobs',
      select: raw('j.id'),
      from: raw('sync_job j'),
      where: [sql`j.kind = any(${[SOURCE_SYNC_KIND, SOURCE_IMPORT_KIND]}::text[])`],
      order: [{ expr: 'j.id', direction: 'desc' }],
    };
  }

  /** The format's importer, when this server has one, vets the options it will be given. */
  private checkFormatOptions(settings: SourceSettings): void {
    const importer = this.importers.find(settings.format);
    if (!importer?.validateOptions) return;
    try {
      importer.validateOptions(settings.formatOptions);
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, error.message, { ...error.details, field: 'formatOptions' });
      throw new DomainError('BAD_USER_INPUT', `formatOptions: ${(error as Error).message}`, { field: 'formatOptions' });
    }
  }

  private sealAll(input: SourceInputData, current: Pick<SourceEntity, 'passwordEnc' | 'privateKeyEnc' | 'passphraseEnc'>) {
    const one = (name: SecretName, value: string | null | undefined, existing: Buffer | null): Buffer | null =>
      value === undefined ? existing : value === null || value === '' ? null : this.secrets.seal(name, value);
    return {
      passwordEnc: one('password', input.password, current.passwordEnc),
      privateKeyEnc: one('privateKey', input.privateKey, current.privateKeyEnc),
      passphraseEnc: one('passphrase', input.privateKeyPassphrase, current.passphraseEnc),
    };
  }

  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new DomainError('CONFLICT', 'A source with this name exists already', { field: 'name' });
      }
      throw error;
    }
  }
}

function keep<T>(value: T | null | undefined, current: T | null): T | null {
  return value === undefined ? current : value;
}

function toColumns(s: SourceSettings): Partial<SourceEntity> {
  return {
    name: s.name,
    kind: s.kind,
    format: s.format,
    host: s.host,
    port: s.port,
    username: s.username,
    hostKeyFingerprint: s.hostKeyFingerprint,
    folder: s.folder,
    filePatterns: [...s.filePatterns],
    scheduleCron: s.scheduleCron,
    timeZone: s.timeZone,
    lookbackDays: s.lookbackDays,
    settleSeconds: s.settleSeconds,
    processedAction: s.processedAction,
    archiveFolder: s.archiveFolder,
    formatOptions: s.formatOptions,
  };
}
