import type { IdentityService } from '../identity';
import type { JobHandler } from '../jobs/job-handler';
import type { DataSource } from 'typeorm';
import type { FileImporter, FormatImporter, ImportContext, SpooledSourceFile, StreamImporter, StreamedSourceFile } from '../sources';

/**
 * Runs an importer that adds or changes users, then matches again every outside person still
 * waiting for a user, so that records which arrived before their user (an LMS completion of a
 * new starter) join them as soon as the roster has them. A separate transaction after the
 * import: matching is idempotent, and a dry run changed no users (nothing new to match).
 * Importers that can call `rematchUnmatched(tx)` inside their own transaction need not be wrapped.
 */
export function thenRematch(handler: JobHandler, identity: IdentityService): JobHandler {
  return {
    async run(job, context) {
      await handler.run(job, context);
      context.signal.throwIfAborted();
      const outcome = await context.db.transaction((tx) => identity.rematchUnmatched(tx));
      if (outcome.reassigned > 0) context.progress.setResult({ rematchedPersons: outcome.reassigned });
    },
  };
}

/** The same for importers that sources feed: a roster file from SFTP brings users too. */
export function importerThenRematch(importer: FormatImporter, identity: (db: DataSource) => IdentityService): FormatImporter {
  const rematch = async (context: ImportContext): Promise<void> => {
    context.signal.throwIfAborted();
    const outcome = await context.db.transaction((tx) => identity(context.db).rematchUnmatched(tx));
    if (outcome.reassigned > 0) context.progress.setResult({ rematchedPersons: outcome.reassigned });
  };
  if (importer.input === 'file') {
    const wrapped: FileImporter = {
      ...importer,
      import: async (file: SpooledSourceFile, options: Record<string, unknown>, context: ImportContext) => {
        await importer.import(file, options, context);
        await rematch(context);
      },
    };
    return wrapped;
  }
  const wrapped: StreamImporter = {
    ...importer,
    import: async (file: StreamedSourceFile, options: Record<string, unknown>, context: ImportContext) => {
      await importer.import(file, options, context);
      await rematch(context);
    },
  };
  return wrapped;
}
