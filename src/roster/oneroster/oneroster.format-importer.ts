import { z } from 'zod';
import { DomainError } from '../../shared/domain-error';
import type { FileImporter } from '../../sources';
import { importOneRoster, ONEROSTER_FORMAT } from './importer';

/** A OneRoster source's `formatOptions`. */
const options = z
  .object({
    strictness: z.enum(['STRICT', 'LENIENT']).default('STRICT'),
    force: z.boolean().default(false),
    deleteThreshold: z.number().min(0).max(1).default(0.2),
    system: z.string().min(1).default('default'),
  })
  .strict();

function parseOptions(value: unknown): z.infer<typeof options> {
  const parsed = options.safeParse(value ?? {});
  if (!parsed.success) {
    throw new DomainError('BAD_USER_INPUT', `OneRoster format options: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** SIS drops of OneRoster zips reach the importer as complete local copies (a zip needs random access). */
export function createOneRosterFormatImporter(): FileImporter {
  return {
    format: ONEROSTER_FORMAT,
    input: 'file',
    accepts: (name) => /\.zip$/i.test(name),
    validateOptions: (value) => void parseOptions(value),
    async import(file, value, context) {
      const o = parseOptions(value);
      await importOneRoster(
        context.db,
        context.job.id,
        { path: file.path, strictness: o.strictness, dryRun: false, force: o.force, deleteThreshold: o.deleteThreshold, system: o.system, label: file.name },
        context.progress,
        context.signal,
      );
    },
  };
}
