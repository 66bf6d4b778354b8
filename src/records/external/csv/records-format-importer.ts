import { z } from 'zod';
import type { DataSource } from 'typeorm';
import type { IdentityService } from '../../../identity';
import { openPackage } from '../../../ingest';
import { DomainError } from '../../../shared/domain-error';
import type { FileImporter, ImportContext, SpooledSourceFile } from '../../../sources';
import { importRecordsFile } from './records-import';

const optionsSchema = z.object({ system: z.string().min(1).max(200).nullable().optional() }).strict();

function parseOptions(options: unknown): { system: string | null } {
  const parsed = optionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new DomainError('BAD_USER_INPUT', `formatOptions: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`, { field: 'formatOptions' });
  return { system: parsed.data.system ?? null };
}

/**
 * Records CSVs for sources (SFTP and folders): each delivered `.csv` is imported alone;
 * `formatOptions` is `{ system }`, the sending system for rows without a system column.
 */
export function createRecordsFormatImporter(identityFor: (db: DataSource) => IdentityService): FileImporter & { validateOptions(options: unknown): void } {
  return {
    format: 'records',
    input: 'file',
    accepts: (name: string) => name.toLowerCase().endsWith('.csv'),
    validateOptions: (options: unknown) => void parseOptions(options),
    async import(file: SpooledSourceFile, options: Record<string, unknown>, context: ImportContext): Promise<void> {
      const { system } = parseOptions(options);
      const pkg = await openPackage(file.path);
      try {
        const entry = pkg.entries[0];
        if (!entry) throw new Error(`${file.name} was spooled but cannot be opened`);
        const result = await importRecordsFile(
          { entry, sourceLabel: file.sourceLabel, sourceId: file.sourceId, sha256: file.sha256 },
          system,
          { db: context.db, identity: identityFor(context.db), progress: context.progress, signal: context.signal, jobId: context.job.id },
          false,
        );
        context.progress.setResult({ records: result });
      } finally {
        await pkg.close();
      }
    },
  };
}
