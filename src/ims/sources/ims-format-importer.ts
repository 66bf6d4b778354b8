import type { ImportContext, StreamedSourceFile, StreamImporter } from '../../sources';
import { importIms } from '../import/import-ims';
import { resolveImsOptions } from '../options/ims-options';

/** Source `formatOptions` for IMS: the import options plus the parse mode. */
function splitOptions(options: Record<string, unknown>): { mode: 'STRICT' | 'TOLERANT'; options: Record<string, unknown> } {
  const { mode, ...rest } = options;
  return { mode: mode === 'STRICT' ? 'STRICT' : 'TOLERANT', options: rest };
}

/**
 * IMS Enterprise for sources (SFTP and folders): each delivered file is streamed straight
 * into the import (no spooling of a 1 GB nightly file to disk; it is hashed as it is read)
 * with the source's `formatOptions` as ImsOptions, plus `mode` (`TOLERANT` unless `STRICT`).
 * `validateOptions` is what a source should call when its options are saved.
 */
export function createImsFormatImporter(): StreamImporter & { validateOptions(options: unknown): void } {
  return {
    format: 'ims',
    input: 'stream',
    // The source's file pattern picks the files; a zip cannot be streamed, so it is left alone.
    accepts: (name: string) => !/\.zip$/i.test(name),
    validateOptions: (options: unknown) => void resolveImsOptions(splitOptions((options ?? {}) as Record<string, unknown>).options),
    async import(file: StreamedSourceFile, options: Record<string, unknown>, context: ImportContext): Promise<void> {
      const { mode, options: importOptions } = splitOptions(options);
      await importIms(
        context.db,
        context.job.id,
        {
          input: { name: file.name, size: file.size, sha256: null, open: async () => file.stream },
          mode,
          options: importOptions,
          dryRun: false,
          sourceLabel: file.sourceLabel,
          sourceId: file.sourceId,
        },
        context.progress,
        context.signal,
      );
    },
  };
}
