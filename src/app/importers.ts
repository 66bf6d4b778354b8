import { createEdReflectFormatImporter } from '../edreflect';
import { createImsFormatImporter } from '../ims';
import { createLmsFormatImporter, createRecordsFormatImporter } from '../records';
import { createOneRosterFormatImporter } from '../roster/oneroster/oneroster.format-importer';
import type { FormatImporter } from '../sources';
import { createIdentity } from './identity';
import { importerThenRematch } from './rematch-after';

/**
 * The importers sources hand their files to, one per format (`oneroster`, `lms`, `ims`,
 * `edreflect`). A sync of a format without one fails at once with NOT_CONFIGURED. Domains add
 * theirs here as they land.
 */
export function createImporters(): FormatImporter[] {
  return [
    // Roster formats bring users: outside persons waiting for them are matched right after.
    importerThenRematch(createOneRosterFormatImporter(), createIdentity),
    createLmsFormatImporter(createIdentity),
    importerThenRematch(createImsFormatImporter(), createIdentity),
    createEdReflectFormatImporter(createIdentity),
    createRecordsFormatImporter(createIdentity),
  ];
}
