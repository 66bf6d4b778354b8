import type { DataSource } from 'typeorm';
import type { JobQueue } from '../../jobs/queue';
import type { SyncJobEntity } from '../../jobs/sync-job.entity';
import type { SyncJobService } from '../../jobs/sync-job.service';
import { DomainError, notFound } from '../../shared/domain-error';
import type { SecretBox } from '../../shared/secret-box';
import { validateSchedule } from '../../sources/schedule-spec';
import type { RemoteLrs } from './pull-client';
import { XapiPullSourceEntity } from './pull-source.entity';

export const XAPI_PULL_JOB_KIND = 'xapi-pull';
const PASSWORD_PURPOSE = 'xapi_pull.password';
const TICK_PREFIX = 'xapi-pull-tick-';
/** The GET /statements filters a pull may narrow by (Comm. §2.1.3). */
export const PULL_FILTERS = ['verb', 'activity', 'agent', 'registration', 'related_activities', 'related_agents'] as const;

export interface NewPullSource {
  readonly name: string;
  readonly endpoint: string;
  readonly username: string;
  readonly password: string;
  readonly version?: string | null;
  readonly filters?: Readonly<Partial<Record<(typeof PULL_FILTERS)[number], string | null>>> | null;
  readonly schedule?: { readonly cron: string; readonly timeZone?: string | null } | null;
  /** Pull statements stored after this; default everything. */
  readonly since?: Date | null;
}

export const tickQueueOf = (id: string): string => `${TICK_PREFIX}${id}`;

/**
 * xAPI pull sources: saved with their password sealed, scheduled through pg-boss cron like
 * file sources (one tick queue each; PullTicker turns ticks into `xapi-pull` jobs), pulled by
 * those jobs (pull-run.ts).
 */
export class XapiPullService {
  constructor(
    private readonly db: DataSource,
    private readonly box: SecretBox,
    private readonly queue: JobQueue,
    private readonly syncJobs: SyncJobService,
  ) {}

  async create(input: NewPullSource): Promise<XapiPullSourceEntity> {
    const name = input.name.trim();
    if (name === '' || name.length > 100) throw new DomainError('BAD_USER_INPUT', 'name: 1 to 100 characters', { field: 'name' });
    let url: URL;
    try {
      url = new URL(input.endpoint);
    } catch {
      throw new DomainError('BAD_USER_INPUT', 'endpoint: not a URL (e.g. https://lrs.example.org/xapi)', { field: 'endpoint' });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DomainError('BAD_USER_INPUT', 'endpoint: must be http(s)', { field: 'endpoint' });
    if (input.username.trim() === '') throw new DomainError('BAD_USER_INPUT', 'username: required (the LRS credential’s key)', { field: 'username' });
    if (input.password === '') throw new DomainError('BAD_USER_INPUT', 'password: required', { field: 'password' });
    const version = input.version ?? '1.0.3';
    if (!['1.0.3', '2.0.0'].includes(version)) throw new DomainError('BAD_USER_INPUT', 'version: 1.0.3 or 2.0.0', { field: 'version' });
    const filters: Record<string, string> = {};
    for (const [k, v] of Object.entries(input.filters ?? {})) if (typeof v === 'string' && v.trim() !== '') filters[k] = v.trim();
    if (filters['agent']) {
      try {
        JSON.parse(filters['agent']);
      } catch {
        throw new DomainError('BAD_USER_INPUT', 'filters.agent: an Agent as JSON, e.g. {"mbox":"mailto:a@example.org"}', { field: 'filters.agent' });
      }
    }
    const schedule = input.schedule ? validateSchedule(input.schedule.cron, input.schedule.timeZone ?? 'UTC') : null;
    const repo = this.db.getRepository(XapiPullSourceEntity);
    if (await repo.existsBy({ name })) throw new DomainError('CONFLICT', `an xAPI pull source named "${name}" exists`, { field: 'name' });
    const saved = await repo.save(
      repo.create({
        name,
        endpoint: url.toString().replace(/\/+$/, ''),
        username: input.username,
        passwordEnc: this.box.seal(input.password, PASSWORD_PURPOSE),
        version,
        filters,
        scheduleCron: schedule?.cron ?? null,
        timeZone: schedule?.timeZone ?? 'UTC',
        watermark: input.since ?? null,
      }),
    );
    if (saved.scheduleCron) {
      await this.queue.ensureQueue(tickQueueOf(saved.id));
      await this.queue.schedule(tickQueueOf(saved.id), saved.scheduleCron, saved.timeZone, { pullSourceId: saved.id });
    }
    return saved;
  }

  list(): Promise<XapiPullSourceEntity[]> {
    return this.db.getRepository(XapiPullSourceEntity).find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<XapiPullSourceEntity> {
    const found = await this.db.getRepository(XapiPullSourceEntity).findOneBy({ id });
    if (!found) throw notFound('XapiPullSource', id);
    return found;
  }

  async delete(id: string): Promise<void> {
    const source = await this.get(id);
    if (source.scheduleCron) {
      await this.queue.unschedule(tickQueueOf(id));
      await this.queue.deleteQueue(tickQueueOf(id));
    }
    await this.db.getRepository(XapiPullSourceEntity).delete({ id });
  }

  /** Queues a pull now; it runs on any worker like an import. */
  async pullNow(id: string, createdByKeyId: string | null): Promise<SyncJobEntity> {
    const source = await this.get(id);
    return this.syncJobs.enqueue({ kind: XAPI_PULL_JOB_KIND, sourceLabel: source.name, params: { pullSourceId: id }, createdByKeyId });
  }

  /** The remote with the password opened, for one pull. */
  remote(source: XapiPullSourceEntity): RemoteLrs {
    return { endpoint: source.endpoint, username: source.username, password: this.box.open(source.passwordEnc, PASSWORD_PURPOSE), version: source.version };
  }
}
