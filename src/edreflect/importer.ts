import type { DataSource } from 'typeorm';
import type { IdentityMapping, IdentityService } from '../identity';
import { CappedWarnings, digestPackage, FileLedger, openPackage, stagePackage, warning } from '../ingest';
import type { ProgressReporter } from '../jobs/progress-reporter';
import { DomainError } from '../shared/domain-error';
import { applyRows, gatherStaged, type ExportMode, type TableCounts } from './apply-rows';
import { refreshColumnStats } from './column-stats';
import { planFile, type FilePlan } from './file-plan';
import { remapIncoming, remapStored } from './id-aliases';
import { matchEdReflectUsers } from './identity/match-users';
import { reportBrokenReferences } from './references';

export const EDREFLECT_FORMAT = 'edreflect';

export interface EdReflectImportOptions {
  /** A zip or a folder of the product's CSVs, on a path this process can read. */
  readonly path: string;
  /** The EdReflect tenant; each system's rows are replaced independently. */
  readonly system: string;
  /** Stage and count, then roll back. */
  readonly dryRun: boolean;
  /** For people: where the export came from. */
  readonly label: string;
  /** Which users.csv columns match roster users (see identity/edreflect-identity.ts). */
  readonly identity: IdentityMapping;
}

export interface EdReflectImportResult {
  readonly mode: ExportMode | null;
  readonly duplicateOfJob: string | null;
  readonly tables: Record<string, TableCounts>;
}

/**
 * Imports one EdReflect offboarding export (full, or change-only when it has `changed.*.csv`
 * lists; see table-naming.ts) in one transaction: every CSV is staged through the pipeline
 * with its own header as contract, then applied in SQL. An export applied before changes
 * nothing (ledger). Broken references are warnings; the rows are kept. EdReflect users are
 * matched to roster users in the same transaction.
 */
export async function importEdReflect(
  db: DataSource,
  jobId: string,
  options: EdReflectImportOptions,
  progress: ProgressReporter,
  signal: AbortSignal,
  people: IdentityService,
): Promise<EdReflectImportResult> {
  progress.setPhase('reading');
  const warnings = new CappedWarnings(progress);
  const issue = (d: Parameters<ProgressReporter['issue']>[0]): void => warnings.issue({ file: null, line: null, column: null, ...d });
  const report = { setPhase: (p: string) => progress.setPhase(p), advance: (n?: number) => progress.advance(n), addCounts: (c: Parameters<ProgressReporter['addCounts']>[0]) => progress.addCounts(c), issue };
  const pkg = await openPackage(options.path);
  const ledger = new FileLedger(db.manager);
  let fileId: string | undefined;
  try {
    const digest = await digestPackage(pkg, signal);
    const format = `${EDREFLECT_FORMAT}:${options.system}`;
    if (options.dryRun) {
      const previous = await ledger.findApplied(digest.sha256, format);
      if (previous) progress.issue(warning('ingest.file.duplicate', `this export was already applied by job ${previous.jobId ?? '?'}`, { file: pkg.label }));
    } else {
      const receipt = await ledger.receive({ sha256: digest.sha256, name: pkg.label, size: digest.size, format, sourceLabel: options.label, jobId });
      fileId = receipt.fileId;
      if (receipt.status === 'duplicate') {
        const previousJob = receipt.previous?.jobId ?? null;
        progress.issue(warning('ingest.file.duplicate', `this export was already applied by job ${previousJob ?? '?'}; nothing was changed`, { file: pkg.label }));
        progress.setResult({ duplicateOfJob: previousJob });
        return { mode: null, duplicateOfJob: previousJob, tables: {} };
      }
    }

    const plans: FilePlan[] = [];
    for (const entry of pkg.entries) {
      const plan = await planFile(entry, plans.length, issue);
      if (plan) plans.push(plan);
      else issue(warning('edreflect.file.not_csv', `${entry.name} is not a CSV file; it was not imported`, { file: entry.name }));
    }
    const mode: ExportMode = plans.some((p) => p.kind === 'changes') ? 'CHANGES' : 'FULL';

    const qr = db.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      // Every export states the state as of its day: once a later one applies, sending an earlier
      // one again is a change (back to that day), not a duplicate.
      if (fileId) await ledger.markApplied(fileId, qr.manager, { snapshot: true });
      const staged = await stagePackage(pkg, plans.map((p) => p.spec), { queryRunner: qr, progress: report, signal });
      report.setPhase('applying');
      await gatherStaged(qr, plans, issue);
      const ids = await remapIncoming(qr, options.system, issue);
      const counts = await applyRows(qr, options.system, jobId, mode);
      const idsRemapped = ids.joinTablesSent && ids.aliases > 0 ? await remapStored(qr, options.system, jobId) : 0;
      for (const [i, plan] of plans.entries()) {
        if (plan.kind !== 'data') continue;
        const c = counts.get(plan.name.table) ?? { added: 0, updated: 0, deleted: 0, unchanged: 0, rejected: 0 };
        c.rejected += staged[i]?.rowsRejected ?? 0;
        counts.set(plan.name.table, c);
      }
      await reportBrokenReferences(qr, options.system, issue);
      const matched = await matchEdReflectUsers(qr, people, options.system, options.identity, issue);
      await refreshColumnStats(qr, options.system);
      warnings.flush();

      const tables = Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
      progress.setEntityCounts(tables as unknown as Record<string, Record<string, number>>);
      const totals = { added: 0, updated: 0, deleted: 0, unchanged: 0 };
      for (const c of counts.values()) {
        totals.added += c.added;
        totals.updated += c.updated;
        totals.deleted += c.deleted;
        totals.unchanged += c.unchanged;
      }
      progress.addCounts(totals);
      progress.setResult({ mode, dryRun: options.dryRun, system: options.system, people: matched, idAliases: ids.aliases, idsRemapped });
      signal.throwIfAborted();
      if (options.dryRun) await qr.rollbackTransaction();
      else await qr.commitTransaction();
      return { mode, duplicateOfJob: null, tables };
    } catch (error) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw error;
    } finally {
      await qr.release();
    }
  } catch (error) {
    // Nothing was applied: the same export may come again and be imported then.
    if (fileId && !(error instanceof DomainError && error.code === 'DUPLICATE_FILE')) await ledger.markFailed(fileId).catch(() => {});
    throw error;
  } finally {
    await pkg.close();
  }
}
