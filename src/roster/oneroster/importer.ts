import type { DataSource } from 'typeorm';
import {
  CappedWarnings,
  digestPackage,
  error as errorDiagnostic,
  FileError,
  FileLedger,
  IssueSeverity,
  openPackage,
  stagePackage,
  type StageFileSpec,
  warning,
  withResolvedReferences,
} from '../../ingest';
import type { ProgressReporter } from '../../jobs/progress-reporter';
import { DomainError } from '../../shared/domain-error';
import { applyPackage } from './apply-package';
import type { Strictness } from './cells';
import { checkPackage } from './check-package';
import { type FilePlan, planFile } from './file-plan';
import { ImportContext } from './import-context';
import { readPackageManifest } from './package-manifest';
import { oneRosterRowValidator } from './row-validator';
import { checkDeleteThresholds } from './thresholds';
import { isRosterFile, ROSTER_FILES, type RosterFile } from './versions';

export interface OneRosterImportOptions {
  /** A zip, a folder of CSVs, on a path this process can read. */
  readonly path: string;
  readonly strictness: Strictness;
  /** Validate and compute the diff, then roll back. */
  readonly dryRun: boolean;
  /** Apply even when a bulk file would delete more than `deleteThreshold` of an entity. */
  readonly force: boolean;
  /** Share of an entity's live records a bulk file may delete without `force` (0..1). */
  readonly deleteThreshold: number;
  /** The source system whose sourcedIds these are. */
  readonly system: string;
  /** For people: where the package came from. */
  readonly label: string;
}

export interface OneRosterImportResult {
  readonly version: string | null;
  readonly duplicateOfJob: string | null;
  readonly entities: Record<string, { added: number; updated: number; deleted: number; unchanged: number; rejected: number }>;
}

export const ONEROSTER_FORMAT = 'oneroster';

/**
 * Imports one OneRoster 1.1/1.2 package: ledger (a package applied before changes nothing),
 * manifest, streamed staging of every file, set-based checks, then the apply, all in one
 * transaction. A file-level problem throws a FileError and nothing is applied; row problems
 * become the job's issues and the other rows apply.
 */
export async function importOneRoster(
  db: DataSource,
  jobId: string,
  options: OneRosterImportOptions,
  progress: ProgressReporter,
  signal: AbortSignal,
): Promise<OneRosterImportResult> {
  progress.setPhase('reading');
  const warnings = new CappedWarnings(progress);
  // Everything below reports through this view: warnings capped per file and rule.
  const report = {
    setPhase: (phase: string) => progress.setPhase(phase),
    advance: (rows?: number) => progress.advance(rows),
    addCounts: (counts: Parameters<ProgressReporter['addCounts']>[0]) => progress.addCounts(counts),
    issue: (issue: Parameters<ProgressReporter['issue']>[0]) => warnings.issue({ file: null, line: null, column: null, ...issue }),
  };
  const pkg = await openPackage(options.path);
  const ledger = new FileLedger(db.manager);
  let fileId: string | undefined;
  try {
    const digest = await digestPackage(pkg, signal);
    const format = `${ONEROSTER_FORMAT}:${options.system}`;
    if (options.dryRun) {
      // A dry run records nothing; it only says when the package was applied before.
      const previous = await ledger.findApplied(digest.sha256, format);
      if (previous) {
        progress.issue(warning('ingest.file.duplicate', `this package was already applied by job ${previous.jobId ?? '?'}`, { file: pkg.label }));
      }
    } else {
      const receipt = await ledger.receive({ sha256: digest.sha256, name: pkg.label, size: digest.size, format, sourceLabel: options.label, jobId });
      fileId = receipt.fileId;
      if (receipt.status === 'duplicate') {
        const previousJob = receipt.previous?.jobId ?? null;
        progress.issue(warning('ingest.file.duplicate', `this package was already applied by job ${previousJob ?? '?'}; nothing was changed`, { file: pkg.label }));
        progress.setResult({ duplicateOfJob: previousJob });
        return { version: null, duplicateOfJob: previousJob, entities: {} };
      }
    }

    const { manifest, diagnostics } = await readPackageManifest(pkg, options.strictness);
    for (const d of diagnostics) progress.issue(d);
    const errors = diagnostics.filter((d) => d.severity === IssueSeverity.ERROR);
    if (!manifest || errors.length > 0) {
      const first = errors[0] ?? errorDiagnostic('oneroster.manifest.invalid', 'the manifest cannot be read', { file: 'manifest.csv' });
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem(s) in the package; see the job's issues)` : '';
      throw new FileError(first.code, `${first.message}${more}`, first);
    }

    const plans = new Map<RosterFile, FilePlan>();
    for (const [name, { mode, entry }] of manifest.files) {
      const plan = isRosterFile(name) ? planFile(manifest.version, name, entry, mode, options.strictness) : undefined;
      if (plan) plans.set(plan.file, plan);
      else progress.issue(warning('oneroster.file.not_imported', `${entry} (${name}) is read by learngraph only for rostering; it was not imported`, { file: entry }));
    }

    const queryRunner = db.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    try {
      if (fileId) await ledger.markApplied(fileId, queryRunner.manager, { snapshot: true });
      await queryRunner.query(`create temp table rejected_keys (file text not null, sourced_id text not null) on commit drop`);
      // The import analyzes what it stages and fills so that its joins are planned for their
      // real sizes; a tenth of the usual sample says that much, at a tenth of the cost.
      // Autovacuum analyzes the filled tables in full after the commit.
      await queryRunner.query(`set local default_statistics_target = 10`);
      // Joins of a district's staged rows with its users (hundreds of thousands each) fit in
      // memory at this size; at the default 4MB they loop over an index or spill to disk.
      await queryRunner.query(`set local work_mem = '64MB'`);
      // A delta's few thousand rows should reach a district's million through the
      // (system, sourced_id) indexes, not by hashing whole tables: price random reads as the
      // SSDs and page cache they come from, not the default's spinning disk. Bulk-sized
      // joins still hash.
      await queryRunner.query(`set local random_page_cost = 1.1`);
      const rejected = new Map<RosterFile, string[]>();
      const ordered = ROSTER_FILES.flatMap((f) => (plans.has(f) ? [plans.get(f) as FilePlan] : []));
      const specs: StageFileSpec[] = ordered.map((plan) => ({
        entry: plan.entry,
        contract: plan.contract,
        staging: plan.staging,
        validate: oneRosterRowValidator(plan, options.strictness),
        onRejected: (key: string) => {
          const keys = rejected.get(plan.file) ?? [];
          keys.push(key);
          rejected.set(plan.file, keys);
        },
      }));
      const staged = await stagePackage(pkg, specs, { queryRunner, progress: report, signal });

      const ctx = new ImportContext(queryRunner, options.system, options.strictness, plans, report, signal);
      for (const [i, plan] of ordered.entries()) {
        ctx.count(plan.file).rejected += staged[i]?.rowsRejected ?? 0;
        await ctx.rememberRejected(plan.file, rejected.get(plan.file) ?? []);
        await ctx.query(`analyze ${plan.staging.table}`);
      }

      report.setPhase('checking');
      // Imports of one system check and apply one after the other (files still load side by
      // side): each sees what the one before committed, and two first imports of a system
      // cannot both take it for empty and insert the same records.
      await ctx.query(`select pg_advisory_xact_lock(hashtextextended('oneroster:' || $1, 0))`, [options.system]);
      await checkPackage(ctx);
      await checkDeleteThresholds(ctx, options.force ? Infinity : options.deleteThreshold);

      report.setPhase('applying');
      // References may skip their triggers: every one the apply writes comes from an inner join
      // against the referenced row in this transaction, after the checks rejected the rows whose
      // references do not resolve; roster records are never hard-deleted.
      await withResolvedReferences(ctx.queryRunner, () => applyPackage(ctx));
      warnings.flush();

      const entities = Object.fromEntries(ctx.counts);
      progress.setEntityCounts(entities as unknown as Record<string, Record<string, number>>);
      const totals = { added: 0, updated: 0, deleted: 0, unchanged: 0 };
      for (const c of ctx.counts.values()) {
        totals.added += c.added;
        totals.updated += c.updated;
        totals.deleted += c.deleted;
        totals.unchanged += c.unchanged;
      }
      progress.addCounts(totals);
      // Which files went in as a first load (plain inserts): what to look at when timing an import.
      progress.setResult({ version: manifest.version, dryRun: options.dryRun, system: options.system, firstLoad: [...ctx.firstLoads] });
      signal.throwIfAborted();
      if (options.dryRun) await queryRunner.rollbackTransaction();
      else await queryRunner.commitTransaction();
      return { version: manifest.version, duplicateOfJob: null, entities };
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
      throw error;
    } finally {
      await queryRunner.release();
    }
  } catch (error) {
    // Nothing was applied: the same package may come again and be imported then.
    if (fileId && !(error instanceof DomainError && error.code === 'DUPLICATE_FILE')) await ledger.markFailed(fileId).catch(() => {});
    throw error;
  } finally {
    await pkg.close();
  }
}
