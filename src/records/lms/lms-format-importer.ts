import type { DataSource } from 'typeorm';
import type { IdentityService } from '../../identity';
import { openPackage } from '../../ingest';
import type { FileImporter, ImportContext, SpooledSourceFile } from '../../sources';
import { parseLmsFileName } from './lms-file-type';
import { importLmsFile } from './lms-import';
import { parseLmsOptions } from './lms-options';

/**
 * The LMS for sources (SFTP and folders): each delivered file is imported alone with the
 * source's `formatOptions` as LMS options; the business date comes from the file's name.
 * `validateOptions` is what a source should call when its options are saved.
 */
export function createLmsFormatImporter(identityFor: (db: DataSource) => IdentityService): FileImporter & { validateOptions(options: unknown): void } {
  return {
    format: 'lms',
    input: 'file',
    accepts: (name: string) => parseLmsFileName(name) !== null,
    validateOptions: (options: unknown) => void parseLmsOptions(options),
    async import(file: SpooledSourceFile, options: Record<string, unknown>, context: ImportContext): Promise<void> {
      const parsed = parseLmsOptions(options);
      const pkg = await openPackage(file.path);
      try {
        const entry = pkg.entries[0];
        if (!entry) throw new Error(`${file.name} was spooled but cannot be opened`);
        const result = await importLmsFile(
          { entry, sourceLabel: file.sourceLabel, sourceId: file.sourceId, sha256: file.sha256, businessDate: file.businessDate ?? parseLmsFileName(file.name)?.businessDate ?? null },
          parsed,
          { db: context.db, identity: identityFor(context.db), progress: context.progress, signal: context.signal, jobId: context.job.id },
          false,
        );
        context.progress.setResult({ lms: { fileType: result.fileType, businessDate: result.businessDate, duplicateOfJob: result.duplicateOfJob ?? null } });
      } finally {
        await pkg.close();
      }
    },
  };
}
