/**
 * The IMS Enterprise domain's public module: the importer (Moodle enrol_imsenterprise
 * semantics, streamed), its job, mutation, CLI command and source importer, and the class
 * groups its cohorts fill.
 */
import { ClassGroupResolver } from './class-group/class-group.resolver';
import { ImsImportResolver } from './graphql/ims-import.resolver';

export { imsEntities } from './ims.entities';
export { IMS_JOB_KIND, imsJobHandler, type ImsJobParams } from './jobs/ims-job';
export { imsImportCommand } from './cli/ims.cli';
export { createImsFormatImporter } from './sources/ims-format-importer';
export { importIms, IMS_FORMAT, type ImsImportRequest } from './import/import-ims';
export { imsInputFromPath, type ImsInput } from './import/ims-input';
export type { ImsImportResult } from './import/import-result';
export { resolveImsOptions, type ImsOptions, type ImsOptionsInput } from './options/ims-options';

export const imsResolvers = [ImsImportResolver, ClassGroupResolver] as const;
