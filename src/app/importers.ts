import { createEdReflectFormatImporter } from '../edreflect';
import { createImsFormatImporter } from '../ims';
import { createLmsFormatImporter } from '../records';
import { createOneRosterFormatImporter } from '../roster/oneroster/oneroster.format-importer';
import type { FormatImporter } from '../sources';
import { createIdentity } from './identity';

/**
 * The importers sources hand their files to, one per format (`oneroster`, `lms`, `ims`,
 * `edreflect`). A sync of a format without one fails at once with NOT_CONFIGURED. Domains add
 * theirs here as they land.
 */
export function createImporters(): FormatImporter[] {
  return [createOneRosterFormatImporter(), createLmsFormatImporter(createIdentity), createImsFormatImporter(), createEdReflectFormatImporter()];
}
