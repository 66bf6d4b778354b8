import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { IdentityService } from '../identity';
import { DomainError } from '../shared/domain-error';
import type { FileImporter } from '../sources';
import { parseEdReflectIdentity } from './identity/edreflect-identity';
import { EDREFLECT_FORMAT, importEdReflect } from './importer';

/** An EdReflect source's `formatOptions`: the tenant, and which users.csv columns identify people. */
const options = z.object({ system: z.string().min(1).default('default'), identity: z.unknown().optional() }).strict();

function parseOptions(value: unknown): z.infer<typeof options> & { identity: ReturnType<typeof parseEdReflectIdentity> } {
  const parsed = options.safeParse(value ?? {});
  if (!parsed.success) {
    throw new DomainError('BAD_USER_INPUT', `EdReflect format options: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`);
  }
  return { ...parsed.data, identity: parseEdReflectIdentity(parsed.data.identity) };
}

/** Offboarding exports fetched over SFTP reach the importer as complete local zips. */
export function createEdReflectFormatImporter(identity: (db: DataSource) => IdentityService): FileImporter {
  return {
    format: EDREFLECT_FORMAT,
    input: 'file',
    accepts: (name) => /\.zip$/i.test(name),
    validateOptions: (value) => void parseOptions(value),
    async import(file, value, context) {
      const o = parseOptions(value);
      await importEdReflect(context.db, context.job.id, { path: file.path, dryRun: false, system: o.system, label: file.name, identity: o.identity }, context.progress, context.signal, identity(context.db));
    },
  };
}
