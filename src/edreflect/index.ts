/** The EdReflect offboarding domain: a generic row store for every file group, with column discovery. */
export { edReflectEntities } from './edreflect.entities';
export { edReflectImportCommand } from './edreflect.cli';
export { createEdReflectFormatImporter } from './edreflect.format-importer';
export { EDREFLECT_JOB_KIND, edReflectJobHandler, type EdReflectJobParams } from './edreflect.job';
export { EDREFLECT_FORMAT, importEdReflect, type EdReflectImportOptions, type EdReflectImportResult } from './importer';
export { edReflectResolvers } from './graphql/resolvers';
export { type EdReflectLoaders, createEdReflectLoaders } from './records/record.loaders';
export { edReflectNodes } from './records/record.nodes';
