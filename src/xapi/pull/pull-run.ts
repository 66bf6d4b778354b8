import type { DataSource } from 'typeorm';
import { IssueSeverity } from '../../jobs/sync-job-status';
import type { ProgressReporter } from '../../jobs/progress-reporter';
import type { AttachmentData } from '../statements/statement-attachments';
import type { StatementAuthor, StatementStore } from '../statements/statement-store';
import { type Json, validateStatement } from '../statements/statement-validation';
import { XapiError } from '../statements/xapi-error';
import type { XapiVersion } from '../validation/context-rules';
import { fetchPage, firstPageUrl, type RemoteLrs } from './pull-client';
import type { XapiPullSourceEntity } from './pull-source.entity';

/** Statements per page we ask for (an LRS may send fewer; ours and ADL's cap at 100). */
export const PULL_PAGE_SIZE = 100;

export interface PullDeps {
  readonly db: DataSource;
  readonly store: StatementStore;
  readonly progress: ProgressReporter;
  readonly signal: AbortSignal;
  readonly pageSize?: number;
  /** Hears each page once it is stored (and the watermark moved). */
  readonly onPage?: (page: { readonly statements: number; readonly watermark: Date | null }) => void;
}

export interface PullOutcome {
  readonly pages: number;
  readonly received: number;
  readonly conflicts: number;
  readonly invalid: number;
  readonly watermark: Date | null;
}

/**
 * One pull: GET statements stored after the watermark, oldest first, following `more` to the
 * end, storing each page in our LRS as it comes (statement ids make that idempotent: a page
 * fetched twice changes nothing). The watermark moves after every stored page, but never past
 * the first answer's `X-Experience-API-Consistent-Through` (statements stored before it are
 * all readable; later ones may still appear) and, mid-way, only to just before the page's
 * newest `stored` (statements of that same instant may open the next page). So a pull cut
 * short by a restart resumes where it stopped, with no gap and nothing stored twice.
 */
export async function pullStatements(source: XapiPullSourceEntity, lrs: RemoteLrs, deps: PullDeps): Promise<PullOutcome> {
  const { progress, signal } = deps;
  const author = { credentialId: null, keyId: `pull:${source.name}` } as unknown as StatementAuthor; // no LRS credential stored these
  const version = (lrs.version.startsWith('2') ? '2.0.0' : '1.0.3') as XapiVersion;
  let watermark = source.watermark;
  let url: string | null = firstPageUrl(lrs, watermark, source.filters, deps.pageSize ?? PULL_PAGE_SIZE);
  let consistentThrough: Date | null = null;
  const totals = { pages: 0, received: 0, conflicts: 0, invalid: 0 };
  progress.setPhase('pulling');
  while (url) {
    signal.throwIfAborted();
    const page = await fetchPage(lrs, url, signal);
    // The first answer vouches for the whole walk; later pages may only narrow it.
    if (!consistentThrough) {
      consistentThrough = page.consistentThrough ?? new Date(0);
      if (!page.consistentThrough) {
        progress.issue({ severity: IssueSeverity.WARNING, code: 'xapi.pull.no_consistent_through', message: 'the LRS sent no X-Experience-API-Consistent-Through; the watermark stays put and the next pull reads these statements again' });
      }
    }
    const valid = page.statements.filter((s, i) => {
      try {
        validateStatement(s, `statement ${i + 1}`, version);
        return true;
      } catch (error) {
        totals.invalid++;
        progress.issue({ severity: IssueSeverity.WARNING, code: 'xapi.pull.invalid', message: `a statement failed validation and was skipped: ${(error as Error).message}`, recordKey: String(s['id'] ?? '') });
        return false;
      }
    });
    signal.throwIfAborted();
    totals.conflicts += await storePage(deps, valid, author, version, page.attachments);
    totals.pages++;
    totals.received += page.statements.length;
    progress.advance(page.statements.length);
    const newest = newestStored(page.statements);
    if (newest && consistentThrough.getTime() > 0) {
      const safe = new Date(Math.min(consistentThrough.getTime(), newest.getTime() - 1));
      watermark = await advance(deps.db, source.id, watermark, safe);
    }
    deps.onPage?.({ statements: page.statements.length, watermark });
    url = page.next;
  }
  // The whole walk is stored: everything up to consistent-through is here.
  if (consistentThrough && consistentThrough.getTime() > 0) watermark = await advance(deps.db, source.id, watermark, consistentThrough);
  await deps.db.query(`update xapi_pull_source set last_pulled_at = now() where id = $1`, [source.id]);
  return { ...totals, watermark };
}

/**
 * Stores a page in one transaction; when a statement id is already here with other content
 * (409), stores the page statement by statement and skips those, as warnings.
 */
async function storePage(deps: PullDeps, statements: Json[], author: StatementAuthor, version: string, attachments: Map<string, AttachmentData>): Promise<number> {
  if (statements.length === 0) return 0;
  try {
    await deps.store.store(statements, author, version, attachments);
    return 0;
  } catch (error) {
    if (!(error instanceof XapiError) || error.status !== 409) throw error;
  }
  let conflicts = 0;
  for (const statement of statements) {
    try {
      await deps.store.store([statement], author, version, attachments);
    } catch (error) {
      if (!(error instanceof XapiError) || error.status !== 409) throw error;
      conflicts++;
      deps.progress.issue({ severity: IssueSeverity.WARNING, code: 'xapi.pull.conflict', message: 'a statement with this id is already stored with other content; kept ours', recordKey: String(statement['id'] ?? '') });
    }
  }
  return conflicts;
}

function newestStored(statements: readonly Json[]): Date | null {
  let newest: Date | null = null;
  for (const s of statements) {
    const stored = typeof s['stored'] === 'string' ? new Date(s['stored']) : null;
    if (stored && !Number.isNaN(stored.getTime()) && (!newest || stored > newest)) newest = stored;
  }
  return newest;
}

/** Moves the watermark forward only (concurrent pulls of one source cannot move it back). */
async function advance(db: DataSource, sourceId: string, current: Date | null, to: Date): Promise<Date | null> {
  if (current && to <= current) return current;
  await db.query(`update xapi_pull_source set watermark = greatest(coalesce(watermark, '-infinity'), $2) where id = $1`, [sourceId, to]);
  return to;
}
